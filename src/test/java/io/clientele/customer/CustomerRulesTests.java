package io.clientele.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.clientele.shared.Violation;

class CustomerRulesTests {

	static RegisterCustomer valid() {
		return RegisterCustomer.fromStorefront("Ms", "Ann", "Lee", "ann@example.com", "en_US");
	}

	static RegisterCustomer withNames(String firstName, String lastName) {
		return RegisterCustomer.fromStorefront("Ms", firstName, lastName, "ann@example.com", "en_US");
	}

	@Test
	void acceptsCompleteRegistration() {
		assertThat(CustomerRules.check(valid())).isEmpty();
	}

	@Test
	void acceptsBirthDatesFrom1900UntilTodayOnly() {
		var today = java.time.LocalDate.of(2026, 11, 22);
		for (var accepted : new java.time.LocalDate[] { java.time.LocalDate.of(1900, 1, 1), today }) {
			assertThat(CustomerRules.check(bornOn(accepted), today)).as(accepted.toString()).isEmpty();
		}
		for (var rejected : new java.time.LocalDate[] { java.time.LocalDate.of(1899, 12, 31), today.plusDays(1) }) {
			assertThat(CustomerRules.check(bornOn(rejected), today)).as(rejected.toString())
				.containsExactly(Violation.of("dateOfBirth", "date-of-birth.invalid"));
		}
	}

	private static RegisterCustomer bornOn(java.time.LocalDate date) {
		return new RegisterCustomer("Ms", "Ann", "Lee", "ann@example.com", null, date, null, null, "en_US", false);
	}

	@Test
	void acceptsNamesOfOneHundredCharacters() {
		assertThat(CustomerRules.check(withNames("a".repeat(100), "b".repeat(100)))).isEmpty();
	}

	@Test
	void rejectsNamesOfOneHundredAndOneCharactersAndNamesTheLimit() {
		assertThat(CustomerRules.check(withNames("a".repeat(101), "b".repeat(101)))).containsExactly(
				Violation.of("firstName", "name.too-long", 100), Violation.of("lastName", "name.too-long", 100));
	}

	@ParameterizedTest
	@ValueSource(strings = { "<b>", "Ann>", "Ann:Lee", "Ann/Lee" })
	void rejectsNamesWithAngleBracketsColonsOrSlashes(String name) {
		assertThat(CustomerRules.check(withNames(name, name))).containsExactly(
				Violation.of("firstName", "name.forbidden-characters"),
				Violation.of("lastName", "name.forbidden-characters"));
	}

	@Test
	void allowsQuotesAndAccentsInNames() {
		assertThat(CustomerRules.check(withNames("Zoë-Renée", "O'Brien"))).isEmpty();
	}

	@Test
	void rejectsUnknownSalutation() {
		var data = RegisterCustomer.fromStorefront("Sir", "Ann", "Lee", "ann@example.com", "en_US");

		assertThat(CustomerRules.check(data)).containsExactly(Violation.of("salutation", "salutation.invalid"));
	}

	@Test
	void reportsEveryMissingFieldAtOnce() {
		var data = RegisterCustomer.fromStorefront("", " ", "", "", "en_US");

		assertThat(CustomerRules.check(data)).extracting(Violation::field)
			.containsExactly("salutation", "firstName", "lastName", "email");
	}

	@Test
	void rejectsUnknownGenderAndLocale() {
		var data = new RegisterCustomer("Mr", "Al", "Bo", "al@example.com", "Other", null, null, null, "fr_FR", false);

		assertThat(CustomerRules.check(data)).containsExactly(Violation.of("gender", "gender.invalid"),
				Violation.of("locale", "locale.invalid"));
	}

}
