package io.clientele.importing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.clientele.credentials.PasswordManagement;
import io.clientele.customer.CustomerLocale;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.ImportedCustomer;
import io.clientele.customer.RegisterCustomer;
import io.clientele.shared.CustomerReference;
import io.clientele.shared.Violation;

/**
 * Reads the rows of Spryker's {@code customer.csv} and checks them with the rules of a
 * registration, plus the file's own: unique references and addresses within the file,
 * dates in the form YYYY-MM-DD, a password hash Clientele can verify.
 */
final class CustomerRows implements ImportRun.RowReader<CustomerRows.Row> {

	/** Spryker's header, in Spryker's order. */
	static final List<String> HEADER = List.of("customer_reference", "locale_name", "phone", "email", "salutation",
			"first_name", "last_name", "company", "gender", "date_of_birth", "password", "registered");

	/** A new customer without a locale gets this one. */
	static final String DEFAULT_LOCALE = CustomerLocale.EN_US.code();

	// YYYY-MM-DD, optionally with a time of day (exports of Spryker's timestamps)
	private static final Pattern DATE = Pattern
		.compile("^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?$");

	/** The longest clear password hashed on import (the policy's maximum is lower). */
	static final int MAX_PLAINTEXT_PASSWORD = 1024;

	// the registration's fields and the columns they come from
	private static final Map<String, String> COLUMNS = Map.of("salutation", "salutation", "firstName", "first_name",
			"lastName", "last_name", "email", "email", "gender", "gender", "dateOfBirth", "date_of_birth", "phone",
			"phone", "company", "company", "locale", "locale_name");

	/**
	 * A row to write.
	 *
	 * @param password a hash to store as it is, a clear password ({@code plaintext}), or
	 * null
	 */
	record Row(ImportedCustomer customer, @Nullable String password, boolean plaintext) {
	}

	private final CustomerManagement customers;

	private final PasswordManagement passwords;

	private final boolean plaintextPasswords;

	private final LocalDate today;

	private final SeenKeys references = new SeenKeys();

	private final SeenKeys emails = new SeenKeys();

	CustomerRows(CustomerManagement customers, PasswordManagement passwords, boolean plaintextPasswords,
			LocalDate today) {
		this.customers = customers;
		this.passwords = passwords;
		this.plaintextPasswords = plaintextPasswords;
		this.today = today;
	}

	@Override
	public @Nullable Row read(long line, List<String> fields, ImportRun.Errors errors) {
		var referenceText = fields.get(0).strip();
		var localeName = fields.get(1).strip();
		var email = fields.get(3).strip();
		var password = fields.get(10);
		var problems = new java.util.ArrayList<String>(0);
		ImportRun.Errors counting = (column, reason) -> {
			problems.add(column);
			errors.add(column, reason);
		};

		CustomerReference reference = null;
		if (!referenceText.isEmpty()) {
			try {
				reference = CustomerReference.of(referenceText);
			}
			catch (IllegalArgumentException ex) {
				counting.add("customer_reference", Reasons.notAReference(referenceText));
			}
		}
		if (!localeName.isEmpty() && CustomerLocale.parse(localeName).isEmpty()) {
			counting.add("locale_name", Reasons.quoted(localeName) + " is not one of " + locales());
		}
		var dateOfBirth = date(fields.get(9), "date_of_birth", false, counting);
		var registered = date(fields.get(11), "registered", true, counting);
		if (registered != null && registered.isAfter(today)) {
			counting.add("registered", registered + " lies in the future");
		}
		var data = new RegisterCustomer(fields.get(4).strip(), fields.get(5), fields.get(6), email,
				blankToNull(fields.get(8)), dateOfBirth, blankToNull(fields.get(2)), blankToNull(fields.get(7)),
				localeName.isEmpty() || CustomerLocale.parse(localeName).isEmpty() ? DEFAULT_LOCALE : localeName,
				registered != null);
		for (var violation : customers.check(data)) {
			var column = COLUMNS.getOrDefault(violation.field(), violation.field());
			if (column.equals("date_of_birth") && problems.contains("date_of_birth")) {
				continue;
			}
			counting.add(column, reason(violation, fields));
		}
		String storedPassword = null;
		if (!password.isEmpty()) {
			if (plaintextPasswords) {
				if (password.length() > MAX_PLAINTEXT_PASSWORD) {
					counting.add("password", "is longer than " + MAX_PLAINTEXT_PASSWORD + " characters");
				}
				storedPassword = password;
			}
			else if (passwords.weaknessOfImportedHash(password).isPresent()) {
				counting.add("password", passwords.weaknessOfImportedHash(password).orElseThrow()
						+ ": too weak to keep; leave the password empty and send the customer a reset link");
			}
			else if (passwords.isImportableHash(password)) {
				storedPassword = password;
			}
			else {
				counting.add("password",
						"is not a password hash Clientele can verify (bcrypt $2y$/$2a$/$2b$, argon2id, argon2i,"
								+ " PBKDF2); for clear passwords use --plaintext-passwords");
			}
		}
		if (reference != null) {
			var first = references.firstLineOf(reference.value(), line);
			if (first != 0) {
				counting.add("customer_reference", reference.value() + " is already in line " + first);
			}
		}
		if (!problems.contains("email") && !email.isEmpty()) {
			var first = emails.firstLineOf(email.toLowerCase(Locale.ROOT), line);
			if (first != 0) {
				counting.add("email", "is already in line " + first);
			}
		}
		if (!problems.isEmpty()) {
			return null;
		}
		var customer = new ImportedCustomer(line, reference, data, localeName.isEmpty(),
				registered == null ? null : registered.atStartOfDay(ZoneOffset.UTC).toInstant(),
				storedPassword != null);
		return new Row(customer, storedPassword, plaintextPasswords && storedPassword != null);
	}

	private static @Nullable LocalDate date(String text, String column, boolean timeAllowed, ImportRun.Errors errors) {
		var value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		var matcher = DATE.matcher(value);
		if (!matcher.matches() || (!timeAllowed && matcher.group(1) != null)) {
			errors.add(column, Reasons.quoted(value) + " is not a date in the form YYYY-MM-DD");
			return null;
		}
		try {
			return matcher.group(1) == null ? LocalDate.parse(value)
					: LocalDateTime.parse(value.replace(' ', 'T')).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			errors.add(column, "\"" + value + "\" is not a date of the calendar");
			return null;
		}
	}

	private String reason(Violation violation, List<String> fields) {
		var column = COLUMNS.getOrDefault(violation.field(), violation.field());
		var value = switch (column) {
			case "salutation" -> fields.get(4).strip();
			case "gender" -> fields.get(8).strip();
			case "date_of_birth" -> fields.get(9).strip();
			default -> "";
		};
		return switch (violation.messageKey()) {
			case "salutation.required" -> "is empty; expected one of Mr, Mrs, Ms, Dr";
			case "salutation.invalid" -> Reasons.quoted(value) + " is not one of Mr, Mrs, Ms, Dr";
			case "name.required", "email.required" -> "is empty";
			case "name.too-long", "phone.too-long", "company.too-long" ->
				"is longer than " + violation.arguments().get(0) + " characters";
			case "email.too-long" -> "is longer than 100 characters";
			case "name.forbidden-characters" -> "contains one of < > : /";
			case "email.invalid" -> "is not a valid email address";
			case "gender.invalid" -> Reasons.quoted(value) + " is not Male or Female";
			case "date-of-birth.invalid" -> value + " is not between 1900-01-01 and today";
			case "locale.invalid" -> "is not one of " + locales();
			default -> violation.messageKey();
		};
	}

	private static String locales() {
		return String.join(", ", java.util.Arrays.stream(CustomerLocale.values()).map(CustomerLocale::code).toList());
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

}
