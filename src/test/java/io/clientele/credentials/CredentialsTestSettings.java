package io.clientele.credentials;

import java.time.Duration;

final class CredentialsTestSettings {

	private CredentialsTestSettings() {
	}

	static CredentialsSettings defaults() {
		return new CredentialsSettings(new CredentialsSettings.Argon2(19456, 2, 1),
				new CredentialsSettings.Hashing(0, Duration.ofSeconds(5)),
				new CredentialsSettings.PasswordPolicySettings(12, 128));
	}

	static CredentialsSettings withArgon2(int memoryKib, int iterations) {
		var defaults = defaults();
		return new CredentialsSettings(new CredentialsSettings.Argon2(memoryKib, iterations, 1), defaults.hashing(),
				defaults.passwordPolicy());
	}

}
