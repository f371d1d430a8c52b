package io.clientele.multifactor;

import java.util.List;

/** What asking for new recovery codes came to. */
public sealed interface RecoveryCodesRenewal {

	/** The new set, to be shown once; the old set no longer works. */
	record Renewed(List<String> codes) implements RecoveryCodesRenewal {
	}

	/** The owner has no second factor, so no recovery codes either. */
	record NoSecondFactor() implements RecoveryCodesRenewal {
	}

	/** No valid code came. */
	record Refused(SecondFactorCheck check) implements RecoveryCodesRenewal {
	}

}
