package io.clientele.multifactor;

import java.time.Duration;

/** What asking to turn a method on came to. */
public sealed interface FactorActivation {

	/** A code went to the owner's address; it turns the method on when typed back. */
	record EmailCodeSent(Duration validity) implements FactorActivation {
	}

	/**
	 * A new authenticator secret, to be shown once: as a QR code and as text. A code of
	 * it turns the method on.
	 *
	 * @param secret the secret in Base32, as apps take it typed in
	 * @param uri the {@code otpauth://} URI the QR code holds
	 * @param qrCode the QR code as an SVG data URI
	 */
	record TotpEnrolment(String secret, String uri, String qrCode) implements FactorActivation {
	}

	/** The method is on already (Spryker's 5904). */
	record AlreadyEnabled() implements FactorActivation {
	}

	/**
	 * A code was mailed less than the least interval ago; the owner may ask again then.
	 */
	record TooSoon(Duration retryAfter) implements FactorActivation {
	}

	/**
	 * Another method is on and no valid code of it came: nobody who holds only the
	 * password or a session may add a method of their own.
	 */
	record Refused(SecondFactorCheck check) implements FactorActivation {
	}

}
