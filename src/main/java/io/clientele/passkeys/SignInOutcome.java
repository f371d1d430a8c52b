package io.clientele.passkeys;

import io.clientele.authentication.CustomerPrincipal;

/** What signing in with a passkey came to. */
public sealed interface SignInOutcome {

	/** The customer to sign in; the login is on the record. */
	record SignedIn(CustomerPrincipal principal) implements SignInOutcome {
	}

	record Refused(PasskeyProblem problem) implements SignInOutcome {
	}

}
