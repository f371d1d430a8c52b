package io.clientele.credentials;

import java.time.Duration;

/**
 * What checking a password came to. The lockout was consulted before hashing and the
 * attempt counted: callers only render the outcome.
 *
 * @param <T> what a passed check yields
 */
public sealed interface PasswordCheck<T> {

	/**
	 * The password is right; {@code deviceToken} lets this client count its failures
	 * apart from now on.
	 */
	record Passed<T>(T value, String deviceToken) implements PasswordCheck<T> {
	}

	/** Wrong password (or no such account): counted as a failure. */
	record Failed<T>() implements PasswordCheck<T> {
	}

	/** Too many failures: refused without checking the password. */
	record Blocked<T>(Duration remaining) implements PasswordCheck<T> {

		/** The wait in whole minutes, rounded up, at least one. */
		public long minutes() {
			return Math.max(1, (remaining.toSeconds() + 59) / 60);
		}

	}

}
