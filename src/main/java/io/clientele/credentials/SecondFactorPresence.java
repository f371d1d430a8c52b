package io.clientele.credentials;

import java.util.UUID;

/**
 * Whether an account signs in with a second factor besides its password, which lets the
 * password be shorter (NIST SP 800-63B-4: 15 characters when the password is the only
 * factor, 8 when it is one of two). The multi-factor module provides it; without such a
 * bean every account counts as single-factor.
 */
public interface SecondFactorPresence {

	/** Whether the customer has an enabled second factor now. */
	boolean customerHasSecondFactor(UUID customerId);

	/** Whether the staff member has an enabled second factor now. */
	boolean staffHasSecondFactor(UUID staffId);

}
