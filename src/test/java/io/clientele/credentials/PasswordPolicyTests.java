package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.clientele.shared.Violation;

class PasswordPolicyTests {

	PasswordPolicy policy = new PasswordPolicy(CredentialsTestSettings.defaults());

	@Test
	void acceptsPasswordOfTwelveCharacters() {
		assertThat(policy.check("blue-kettle7")).isEmpty();
	}

	@Test
	void rejectsPasswordOfElevenCharactersAndNamesTheLimit() {
		assertThat(policy.check("blue-kettle")).containsExactly(Violation.of("password", "password.too-short", 12));
	}

	@Test
	void acceptsPasswordOfOneHundredTwentyEightCharacters() {
		assertThat(policy.check("a1-".repeat(42) + "xy")).isEmpty();
	}

	@Test
	void rejectsPasswordOfOneHundredTwentyNineCharactersInsteadOfTruncatingIt() {
		assertThat(policy.check("a".repeat(129))).containsExactly(Violation.of("password", "password.too-long", 128));
	}

	@Test
	void countsCharactersNotUtf16Units() {
		var twelveEmoji = "😀".repeat(12);

		assertThat(twelveEmoji.length()).isEqualTo(24);
		assertThat(policy.check(twelveEmoji)).isEmpty();
		assertThat(policy.check("😀".repeat(11))).containsExactly(Violation.of("password", "password.too-short", 12));
	}

	@Test
	void requiresAPassword() {
		assertThat(policy.check("")).containsExactly(Violation.of("password", "password.required"));
	}

}
