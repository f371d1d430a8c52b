package io.clientele.credentials;

/**
 * Every hashing slot stayed busy for the configured wait: the caller should try again
 * shortly.
 */
public class PasswordHashingBusy extends RuntimeException {

	public PasswordHashingBusy() {
		super("Too many password checks at once; try again shortly");
	}

}
