package io.clientele.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.clientele.shared.EmailAddress;
import io.clientele.shared.Violation;

/**
 * The rules customer data must follow; every broken rule is reported, not only the first.
 */
final class CustomerRules {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_COMPANY_LENGTH = 100;

	static final int MAX_PHONE_LENGTH = 255;

	// Spryker's CustomerConfig::PATTERN_FIRST_NAME / PATTERN_LAST_NAME: no < > : /
	private static final Pattern FORBIDDEN_NAME_CHARACTERS = Pattern.compile("[<>:/]");

	private CustomerRules() {
	}

	/** The earliest date of birth accepted. */
	static final java.time.LocalDate EARLIEST_BIRTH = java.time.LocalDate.of(1900, 1, 1);

	static List<Violation> check(RegisterCustomer data) {
		return check(data, java.time.LocalDate.now());
	}

	static List<Violation> check(RegisterCustomer data, java.time.LocalDate today) {
		var violations = new ArrayList<Violation>();
		if (data.salutation().isBlank()) {
			violations.add(Violation.of("salutation", "salutation.required"));
		}
		else if (Salutation.parse(data.salutation()).isEmpty()) {
			violations.add(Violation.of("salutation", "salutation.invalid"));
		}
		checkName("firstName", data.firstName(), violations);
		checkName("lastName", data.lastName(), violations);
		EmailAddress.problemWith(data.email()).ifPresent(key -> violations.add(Violation.of("email", key)));
		if (!isBlank(data.gender()) && Gender.parse(data.gender()).isEmpty()) {
			violations.add(Violation.of("gender", "gender.invalid"));
		}
		if (data.dateOfBirth() != null
				&& (data.dateOfBirth().isAfter(today) || data.dateOfBirth().isBefore(EARLIEST_BIRTH))) {
			violations.add(Violation.of("dateOfBirth", "date-of-birth.invalid"));
		}
		checkMaxLength("phone", data.phone(), MAX_PHONE_LENGTH, violations);
		checkMaxLength("company", data.company(), MAX_COMPANY_LENGTH, violations);
		if (CustomerLocale.parse(data.locale()).isEmpty()) {
			violations.add(Violation.of("locale", "locale.invalid"));
		}
		return violations;
	}

	private static void checkName(String field, String value, List<Violation> violations) {
		var name = value.strip();
		if (name.isEmpty()) {
			violations.add(Violation.of(field, "name.required"));
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			violations.add(Violation.of(field, "name.too-long", MAX_NAME_LENGTH));
		}
		else if (FORBIDDEN_NAME_CHARACTERS.matcher(name).find()) {
			violations.add(Violation.of(field, "name.forbidden-characters"));
		}
	}

	private static void checkMaxLength(String field, @Nullable String value, int max, List<Violation> violations) {
		if (value != null && value.strip().length() > max) {
			violations.add(Violation.of(field, field + ".too-long", max));
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
