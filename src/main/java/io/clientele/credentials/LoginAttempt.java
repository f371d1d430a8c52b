package io.clientele.credentials;

import org.jspecify.annotations.Nullable;

/**
 * Where a password check comes from: the client's address (as the trusted proxies tell
 * it) and the device token the browser or app presented, if any.
 */
public record LoginAttempt(@Nullable String clientAddress, @Nullable String deviceToken) {

	/** A check with no client to count (tests, internal callers). */
	public static LoginAttempt unknownClient() {
		return new LoginAttempt(null, null);
	}

}
