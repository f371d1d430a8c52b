package io.clientele.credentials;

import java.time.Duration;
import java.util.List;

final class CredentialsTestSettings {

	private CredentialsTestSettings() {
	}

	static CredentialsSettings defaults() {
		return new CredentialsSettings(new CredentialsSettings.Argon2(19456, 2, 1),
				new CredentialsSettings.Hashing(0, Duration.ofSeconds(5)), policy(15, 3, 0, "", List.of(), List.of()),
				new CredentialsSettings.Reset(Duration.ofMinutes(60), 5, 20));
	}

	static CredentialsSettings.PasswordPolicySettings policy(int minLength, int minStrength, int minDigits,
			String pattern, List<String> denyList, List<String> allowList) {
		return new CredentialsSettings.PasswordPolicySettings(minLength, 8, 128, true, true, 2, minStrength, pattern,
				minDigits, 0, 0, 0, denyList, allowList, 0, CredentialsSettings.NonCompliantPasswords.SUGGEST_CHANGE);
	}

	/** Only the length rules (and the common list), with both minimums as given. */
	static CredentialsSettings.PasswordPolicySettings lengths(int minLength, int minLengthWithSecondFactor) {
		return new CredentialsSettings.PasswordPolicySettings(minLength, minLengthWithSecondFactor, 128, true, true, 2,
				0, "", 0, 0, 0, 0, List.of(), List.of(), 0, CredentialsSettings.NonCompliantPasswords.SUGGEST_CHANGE);
	}

	static CredentialsSettings withPolicy(CredentialsSettings.PasswordPolicySettings policy) {
		var defaults = defaults();
		return new CredentialsSettings(defaults.argon2(), defaults.hashing(), policy, defaults.reset());
	}

	static CredentialsSettings withArgon2(int memoryKib, int iterations) {
		var defaults = defaults();
		return new CredentialsSettings(new CredentialsSettings.Argon2(memoryKib, iterations, 1), defaults.hashing(),
				defaults.passwordPolicy(), defaults.reset());
	}

}
