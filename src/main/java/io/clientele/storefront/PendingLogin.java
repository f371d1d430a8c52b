package io.clientele.storefront;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.clientele.authentication.CustomerPrincipal;

import jakarta.servlet.http.HttpSession;

/**
 * A login whose password was right and whose second step is still to come, kept in the
 * HTTP session (and so in PostgreSQL, for every node) until the code step admits the
 * customer or its time runs out. Nobody is signed in while it exists.
 *
 * @param principal who the customer will be once the code step passes
 * @param deviceToken the device token the password check issued; it reaches the browser
 * only with the sign-in
 * @param startedAt when the password passed
 * @param rememberMe whether the login form asked to be remembered
 */
record PendingLogin(CustomerPrincipal principal, String deviceToken, Instant startedAt,
		boolean rememberMe) implements Serializable {

	private static final String ATTRIBUTE = PendingLogin.class.getName();

	/** The session's pending login, expired or not. */
	static Optional<PendingLogin> find(@Nullable HttpSession session) {
		return session != null && session.getAttribute(ATTRIBUTE) instanceof PendingLogin pending ? Optional.of(pending)
				: Optional.empty();
	}

	/** Whether the code step came too late: the password must be entered again. */
	boolean expired(Instant now, Duration lifetime) {
		return !now.isBefore(startedAt.plus(lifetime));
	}

	void store(HttpSession session) {
		session.setAttribute(ATTRIBUTE, this);
	}

	static void clear(@Nullable HttpSession session) {
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

}
