package io.clientele.authentication;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * The account or the client address is blocked after repeated failures. The password was
 * not checked; the caller answers 429 and says how long to wait.
 */
public class LoginBlocked extends AuthenticationException {

	private final Duration remaining;

	public LoginBlocked(Duration remaining) {
		super("Too many failed logins");
		this.remaining = remaining;
	}

	public Duration remaining() {
		return remaining;
	}

	/** The wait in whole minutes, at least one. */
	public long minutes() {
		return LoginOutcome.wholeMinutes(remaining);
	}

}
