package io.clientele.multifactor;

import java.util.List;

/** What typing the code of a method being turned on came to. */
public sealed interface FactorVerification {

	/**
	 * The method is on. {@code recoveryCodes} holds a new set of recovery codes, to be
	 * shown once, when the owner had none; else it is empty.
	 */
	record Enabled(FactorType type, List<String> recoveryCodes) implements FactorVerification {
	}

	/** The method is not being turned on (or is on already). */
	record NotActivating() implements FactorVerification {
	}

	/** The code was missing, malformed, wrong or the flow is locked. */
	record Refused(SecondFactorCheck check) implements FactorVerification {
	}

}
