package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.clientele.shared.Violation;

class PasswordPolicyTests {

	static final String STRONG = "blue-kettle-harbour-7";

	// Spryker's presentation-layer expression, spec/spryker.md §3.2
	static final String SPRYKER_PATTERN = "^(?=.*[A-Z])(?=.*[a-z])(?=.*\\d)(?=.*[!@#$%^&*()\\_\\-\\=\\+\\[\\]\\{\\}\\|;:<>.,\\/?\\\\~])[A-Za-z\\d!@#$%^&*()\\_\\-\\=\\+\\[\\]\\{\\}\\|;:<>.,\\/?\\\\~]+$";

	PasswordStrength strength = new PasswordStrength();

	PasswordPolicy policy = new PasswordPolicy(CredentialsTestSettings.defaults(), strength);

	PasswordPolicy lengthOnly = policyWith(CredentialsTestSettings.lengths(15, 8));

	PasswordPolicy policyWith(CredentialsSettings.PasswordPolicySettings settings) {
		return new PasswordPolicy(CredentialsTestSettings.withPolicy(settings), strength);
	}

	static PasswordCandidate candidate(String password) {
		return PasswordCandidate.of(password);
	}

	static List<String> keys(List<Violation> violations) {
		return violations.stream().map(Violation::messageKey).toList();
	}

	@Test
	void acceptsAStrongPassphrase() {
		assertThat(policy.check(candidate(STRONG))).isEmpty();
	}

	@Test
	void singleFactorAccountsNeedFifteenCharactersAndFourteenIsRejectedNamingFifteen() {
		assertThat(lengthOnly.check(candidate("tk9-vq2-mzr7-wq"))).isEmpty();
		assertThat(lengthOnly.check(candidate("tk9-vq2-mzr7-w")))
			.containsExactly(Violation.of("password", "password.too-short", 15));
	}

	@Test
	void accountsWithASecondFactorNeedEightCharactersAndSevenIsRejectedNamingEight() {
		assertThat(lengthOnly.check(candidate("tk9-vq2m").withSecondFactor(true))).isEmpty();
		assertThat(lengthOnly.check(candidate("tk9-vq2").withSecondFactor(true)))
			.containsExactly(Violation.of("password", "password.too-short", 8));
	}

	@Test
	void underTheDefaultStrengthRuleEightCharactersMeetTheSecondFactorLengthButNeverRateStrong() {
		// zxcvbn counts ten guesses per random character: 10^8 is "average", 10^9
		// "strong"
		assertThat(policy.check(candidate("Tq7#vL2p").withSecondFactor(true)))
			.containsExactly(Violation.of("password", "password.too-weak", "password.strength.strong"));
		assertThat(policy.check(candidate("Tq7#vL2pX").withSecondFactor(true))).isEmpty();
		assertThat(policy.check(candidate("Tq7#vL2pX")))
			.containsExactly(Violation.of("password", "password.too-short", 15));
	}

	@Test
	void aMinLengthConfiguredBelowTheSecondFactorMinimumIsRaisedToIt() {
		var lowered = policyWith(CredentialsTestSettings.lengths(6, 8));

		assertThat(lowered.minLength()).isEqualTo(8);
		assertThat(lowered.check(candidate("tk9-vq2")))
			.containsExactly(Violation.of("password", "password.too-short", 8));
		assertThat(lowered.check(candidate("tk9-vq2m"))).isEmpty();
	}

	@Test
	void aLowerSecondFactorMinimumLowersOnlyThatMinimum() {
		var custom = policyWith(CredentialsTestSettings.lengths(12, 10));

		assertThat(custom.minLength(false)).isEqualTo(12);
		assertThat(custom.minLength(true)).isEqualTo(10);
		assertThat(custom.lowestMinLength()).isEqualTo(10);
	}

	@Test
	void theLowestMinimumIsTheSecondFactorOneAndTheDefaultsAreNistsFifteenAndEight() {
		assertThat(policy.minLength()).isEqualTo(15);
		assertThat(policy.minLength(true)).isEqualTo(8);
		assertThat(policy.lowestMinLength()).isEqualTo(8);
	}

	@Test
	void acceptsOneHundredTwentyEightCharactersAndRejectsOneHundredTwentyNineInsteadOfTruncating() {
		var longest = "Blue-kettle-harbour-7/".repeat(6).substring(0, 128);

		assertThat(policy.check(candidate(longest))).isEmpty();
		assertThat(policy.check(candidate(longest + "x")))
			.containsExactly(Violation.of("password", "password.too-long", 128));
	}

	@Test
	void countsCharactersNotUtf16Units() {
		assertThat(lengthOnly.check(candidate("😀🐳🎈🌵🚲🍋🦉🎻🧩🌋🪁🦔🍇🐙🎲"))).isEmpty();
		assertThat(lengthOnly.check(candidate("😀🐳🎈🌵🚲🍋🦉🎻🧩🌋🪁🦔🍇🐙")))
			.containsExactly(Violation.of("password", "password.too-short", 15));
	}

	@Test
	void requiresAPassword() {
		assertThat(policy.check(candidate(""))).containsExactly(Violation.of("password", "password.required"));
	}

	@Test
	void rejectsCommonPasswordsInAnyCase() {
		assertThat(keys(lengthOnly.check(candidate("qwertyuiop123")))).contains("password.common");
		assertThat(keys(lengthOnly.check(candidate("QWERTYUIOP123")))).contains("password.common");
		assertThat(keys(lengthOnly.check(candidate(STRONG)))).doesNotContain("password.common");
	}

	@Test
	void rejectsPasswordsContainingTheAddressLocalPartOrANameOfThreeOrMoreCharacters() {
		var withAddress = new PasswordCandidate("my-ann-harbour-77", "ann.lee@example.com", null, null);
		var withName = new PasswordCandidate("ZOË-harbour-kettle-7", "x@example.com", "Zoë", "Wu");
		var shortParts = new PasswordCandidate("al-bo-harbour-kettle", "al.bo@example.com", "Al", "Wu");

		assertThat(policy.check(withAddress)).contains(Violation.of("password", "password.personal", "ann"));
		assertThat(policy.check(withName)).contains(Violation.of("password", "password.personal", "zoë"));
		assertThat(keys(policy.check(shortParts))).doesNotContain("password.personal");
	}

	@Test
	void allowsTwoRepeatedCharactersButNotThree() {
		assertThat(keys(policy.check(candidate("blue-kettle-harbour-77")))).doesNotContain("password.repeated");
		assertThat(policy.check(candidate("blue-kettle-harbour-777")))
			.contains(Violation.of("password", "password.repeated", 3));
	}

	@Test
	void rejectsPasswordsEstimatedBelowStrong() {
		var weak = "abcdefghijkl";

		assertThat(strength.estimate(candidate(weak)).score()).isLessThan(3);
		assertThat(policy.check(candidate(weak)))
			.contains(Violation.of("password", "password.too-weak", "password.strength.strong"));
		assertThat(strength.estimate(candidate(STRONG)).score()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void reportsEveryViolationAtOnce() {
		assertThat(keys(policy.check(new PasswordCandidate("annnn", "ann@example.com", null, null))))
			.containsExactly("password.too-short", "password.repeated", "password.personal", "password.too-weak");
	}

	@Test
	void optionalSprykerCharacterClassesAreOffByDefaultAndEnforcedWhenSet() {
		var spryker = policyWith(CredentialsTestSettings.policy(12, 0, 0, SPRYKER_PATTERN, List.of(), List.of()));

		assertThat(keys(policy.check(candidate(STRONG)))).doesNotContain("password.pattern");
		assertThat(keys(spryker.check(candidate(STRONG)))).containsExactly("password.pattern");
		assertThat(spryker.check(candidate("Blue-kettle-harbour-7"))).isEmpty();
	}

	@Test
	void optionalMinimumOfDigitsCountsThem() {
		var twoDigits = policyWith(CredentialsTestSettings.policy(12, 0, 2, "", List.of(), List.of()));

		assertThat(twoDigits.check(candidate("blue-kettle-harbour-7")))
			.containsExactly(Violation.of("password", "password.min-digits", 2));
		assertThat(twoDigits.check(candidate("blue-kettle-harbour-75"))).isEmpty();
	}

	@Test
	void denyListMatchesExactlyAndAllowListBypassesEveryRule() {
		var lists = policyWith(CredentialsTestSettings.policy(12, 3, 0, "", List.of(STRONG), List.of("change123")));

		assertThat(keys(lists.check(candidate(STRONG)))).containsExactly("password.denied");
		assertThat(keys(lists.check(candidate(STRONG.toUpperCase())))).doesNotContain("password.denied");
		assertThat(lists.check(candidate("change123"))).isEmpty();
	}

	@Test
	void megabytesOfInputGetTheLengthVerdictAlone() {
		assertThat(policy.check(candidate("x".repeat(10_000_000))))
			.containsExactly(Violation.of("password", "password.too-long", 128));
	}

	@Test
	void generatedPasswordsMeetAPolicyThatDemandsDigitsCapitalsAndSpecialCharacters() {
		// Spryker's pattern and three of every class: a generator without special
		// characters would draw for ever
		var demanding = policyWith(
				new CredentialsSettings.PasswordPolicySettings(15, 8, 128, true, true, 2, 3, SPRYKER_PATTERN, 3, 3, 3,
						3, List.of(), List.of(), 0, CredentialsSettings.NonCompliantPasswords.SUGGEST_CHANGE));

		for (int i = 0; i < 200; i++) {
			var password = demanding.generate(16, p -> demanding.check(candidate(p)).isEmpty());

			assertThat(demanding.check(candidate(password))).as(password).isEmpty();
		}
	}

	@Test
	void aPolicyThatRefusesEveryGeneratedPasswordIsReportedInsteadOfDrawingForEver() {
		// a pattern no letter passes, and a maximum below the minimum
		var impossible = policyWith(
				new CredentialsSettings.PasswordPolicySettings(15, 8, 12, true, true, 2, 0, "[0-9]+", 0, 0, 0, 0,
						List.of(), List.of(), 0, CredentialsSettings.NonCompliantPasswords.SUGGEST_CHANGE));

		org.assertj.core.api.Assertions.assertThatExceptionOfType(PasswordPolicy.NoGeneratedPasswordFits.class)
			.isThrownBy(() -> impossible.generate(16, p -> impossible.check(candidate(p)).isEmpty()))
			.withMessageContaining("clientele.credentials.password-policy");
	}

}
