package io.clientele.multifactor;

/** What turning a method off came to. */
public sealed interface FactorDeactivation {

	/** The method is off; with the last method, the recovery codes went too. */
	record Deactivated() implements FactorDeactivation {
	}

	/** The method is not on (Spryker's 5903). */
	record NotEnabled() implements FactorDeactivation {
	}

	/** No valid code of an enabled method came. */
	record Refused(SecondFactorCheck check) implements FactorDeactivation {
	}

}
