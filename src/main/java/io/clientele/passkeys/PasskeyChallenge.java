package io.clientele.passkeys;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A challenge handed to one browser, kept in its session until answered: the caller
 * removes it from the session when the answer comes, and {@link Passkeys} refuses it when
 * it is of another ceremony or customer, too old, or answered before (on any node).
 *
 * @param value the challenge, base64url without padding
 * @param customerId the customer adding a passkey; {@code null} for a sign-in
 */
public record PasskeyChallenge(Ceremony ceremony, String value, @Nullable UUID customerId,
		Instant issuedAt) implements Serializable {

	/** What the challenge is for. */
	public enum Ceremony {

		REGISTRATION, SIGN_IN

	}

}
