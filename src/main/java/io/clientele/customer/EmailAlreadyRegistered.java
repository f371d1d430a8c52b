package io.clientele.customer;

/**
 * An account with this e-mail address (in any case) exists. Callers facing the public
 * must not let the person registering tell this apart from success.
 */
public class EmailAlreadyRegistered extends RuntimeException {

	public EmailAlreadyRegistered() {
		super("An account with this e-mail address exists");
	}

}
