package io.clientele.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.clientele.shared.Violation;

/** Spryker's address rules (spec §1.11); every broken rule is reported. */
final class AddressRules {

	static final Set<String> SALUTATIONS = Set.of("Mr", "Mrs", "Ms", "Dr");

	static final Set<String> COUNTRIES = Set.copyOf(java.util.Arrays.asList(java.util.Locale.getISOCountries()));

	private AddressRules() {
	}

	static List<Violation> check(AddressData address) {
		var violations = new ArrayList<Violation>();
		if (address.salutation() == null || !SALUTATIONS.contains(address.salutation())) {
			violations.add(Violation.of("salutation", "salutation.invalid"));
		}
		required("firstName", address.firstName(), 1, 100, violations);
		required("lastName", address.lastName(), 1, 100, violations);
		required("address1", address.address1(), 1, 255, violations);
		required("address2", address.address2(), 1, 255, violations);
		optional("address3", address.address3(), 255, violations);
		required("zipCode", address.zipCode(), 1, 15, violations);
		required("city", address.city(), 3, 255, violations);
		if (address.iso2Code() == null || !COUNTRIES.contains(address.iso2Code())) {
			violations.add(Violation.of("iso2Code", "country.invalid"));
		}
		optional("company", address.company(), 255, violations);
		optional("phone", address.phone(), 255, violations);
		return violations;
	}

	private static void required(String field, @Nullable String value, int min, int max, List<Violation> violations) {
		var text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			violations.add(Violation.of(field, "address.required"));
		}
		else if (text.length() < min) {
			violations.add(Violation.of(field, "address.too-short", min));
		}
		else if (text.length() > max) {
			violations.add(Violation.of(field, "address.too-long", max));
		}
	}

	private static void optional(String field, @Nullable String value, int max, List<Violation> violations) {
		if (value != null && value.strip().length() > max) {
			violations.add(Violation.of(field, "address.too-long", max));
		}
	}

}
