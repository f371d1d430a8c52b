package io.clientele.credentials;

import io.clientele.customer.CustomerDetails;

/** What a sign-up did. Pages facing the public must show both outcomes alike. */
public sealed interface SignUpOutcome {

	/** A new account exists. */
	record Registered(CustomerDetails customer) implements SignUpOutcome {
	}

	/** The address already had an account; nothing changed. */
	record AddressAlreadyRegistered() implements SignUpOutcome {
	}

}
