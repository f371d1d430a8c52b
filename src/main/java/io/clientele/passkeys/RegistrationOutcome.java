package io.clientele.passkeys;

/** What adding a passkey came to. */
public sealed interface RegistrationOutcome {

	/** Stored; the owner was told by mail. */
	record Added(PasskeySummary passkey) implements RegistrationOutcome {
	}

	record Refused(PasskeyProblem problem) implements RegistrationOutcome {
	}

}
