package io.clientele.authentication;

import java.time.Duration;

import io.clientele.multifactor.SecondFactorCheck;

/**
 * What a login attempt came to, for customers and staff alike.
 *
 * @param <P> the principal of a successful login
 */
public sealed interface LoginOutcome<P> {

	/**
	 * The person is who they say; {@code deviceToken} goes back to their browser or app,
	 * whose failures then count apart (OWASP's device cookies).
	 */
	record Succeeded<P>(P principal, String deviceToken) implements LoginOutcome<P> {
	}

	/**
	 * Wrong address, wrong password, or an account that may not log in: callers answer
	 * all alike.
	 */
	record Failed<P>() implements LoginOutcome<P> {
	}

	/**
	 * The password is right and the account has a second factor, whose code did not come
	 * or was refused ({@code check} says which). Nobody is signed in yet: the caller
	 * keeps the principal and device token server-side until
	 * {@link CustomerLogin#complete} admits them.
	 */
	record SecondFactorNeeded<P>(P principal, String deviceToken, SecondFactorCheck check) implements LoginOutcome<P> {
	}

	/** Too many failures: refused without checking the password. */
	record Blocked<P>(Duration remaining) implements LoginOutcome<P> {

		/** The wait in whole minutes, at least one. */
		public long minutes() {
			return wholeMinutes(remaining);
		}

	}

	/** A wait as people are told it: whole minutes, rounded up, at least one. */
	static long wholeMinutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

}
