package io.clientele.authentication;

import org.springframework.security.core.AuthenticationException;

import io.clientele.multifactor.SecondFactorCheck;

/**
 * The password was right and the account has a second factor: the form login stops here,
 * and the storefront keeps the pending principal in the session for the code step
 * ({@link CustomerLogin#complete}). Nobody is signed in.
 */
public class SecondFactorRequired extends AuthenticationException {

	private final transient CustomerPrincipal pending;

	private final transient String deviceToken;

	private final transient SecondFactorCheck check;

	public SecondFactorRequired(CustomerPrincipal pending, String deviceToken, SecondFactorCheck check) {
		super("A second factor is required");
		this.pending = pending;
		this.deviceToken = deviceToken;
		this.check = check;
	}

	public CustomerPrincipal pending() {
		return pending;
	}

	public String deviceToken() {
		return deviceToken;
	}

	public SecondFactorCheck check() {
		return check;
	}

}
