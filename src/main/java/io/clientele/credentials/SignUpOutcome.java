package io.clientele.credentials;

import java.time.Duration;

import io.clientele.customer.CustomerDetails;

/** What a sign-up did. Pages facing the public must show both outcomes alike. */
public sealed interface SignUpOutcome {

	/** A new account exists. */
	record Registered(CustomerDetails customer) implements SignUpOutcome {
	}

	/** The address already had an account; nothing changed. */
	record AddressAlreadyRegistered() implements SignUpOutcome {
	}

	/**
	 * Too many registrations from the client or for the address; nothing was looked up or
	 * changed, so this answer is the same for a known and an unknown address.
	 */
	record TooManyRegistrations(Duration retryAfter) implements SignUpOutcome {
	}

}
