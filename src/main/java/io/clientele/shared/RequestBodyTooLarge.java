package io.clientele.shared;

import java.io.IOException;

/**
 * Raised while a request body is read, once it passes the size Clientele accepts
 * (whatever its {@code Content-Length} said, or with none, as in a chunked body); the
 * request is answered 413.
 */
public class RequestBodyTooLarge extends IOException {

	private static final long serialVersionUID = 1L;

	public RequestBodyTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

	/** Whether this or one of its causes is a body that was too large. */
	public static boolean isCauseOf(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLarge) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
