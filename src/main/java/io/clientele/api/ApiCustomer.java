package io.clientele.api;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.clientele.customer.CustomerId;

/**
 * The customer an access token speaks for, and the refresh-token family (the login) it
 * was issued in: its {@code sid} claim. Tokens issued before the claim existed have none.
 */
record ApiCustomer(CustomerId id, String reference, @Nullable UUID family) implements TokenHolder {

	ApiCustomer(CustomerId id, String reference) {
		this(id, reference, null);
	}

	/**
	 * The key of the second factor's grace period: one per login, so that a code typed in
	 * one app never spares the code in another app's login (nor a stolen token's).
	 */
	@Nullable String graceKey() {
		return family == null ? null : graceKey(family);
	}

	static String graceKey(UUID family) {
		return "api-token-family:" + family;
	}

}
