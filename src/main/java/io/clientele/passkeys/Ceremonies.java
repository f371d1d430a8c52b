package io.clientele.passkeys;

/**
 * A challenge to keep in the browser's session together with the options to send to it.
 */
public final class Ceremonies {

	private Ceremonies() {
	}

	/** The start of adding a passkey. */
	public record RegistrationStart(PasskeyChallenge challenge, PasskeyOptions.Creation options) {
	}

	/** The start of signing in with a passkey. */
	public record SignInStart(PasskeyChallenge challenge, PasskeyOptions.Request options) {
	}

}
