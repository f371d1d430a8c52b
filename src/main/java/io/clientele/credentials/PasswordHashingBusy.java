package io.clientele.credentials;

/**
 * Every hashing slot stayed busy for the configured wait: the caller should try again
 * shortly.
 */
public class PasswordHashingBusy extends RuntimeException {

	/**
	 * The {@code Retry-After} every answer to a refused password check carries: a slot is
	 * free again within a hash or two.
	 */
	public static final String RETRY_AFTER_SECONDS = "1";

	/** Whether the failure, or what caused it, is this one. */
	public static boolean isCauseOf(@org.jspecify.annotations.Nullable Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PasswordHashingBusy) {
				return true;
			}
		}
		return false;
	}

	public PasswordHashingBusy() {
		super("Too many password checks at once; try again shortly");
	}

}
