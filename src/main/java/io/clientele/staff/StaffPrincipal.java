package io.clientele.staff;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in staff member as the back-office session keeps them. The session generation
 * tells whether the account was deactivated since (see {@link StaffLogin#current});
 * {@code passwordOutdated} whether the password they signed in with no longer meets the
 * policy.
 */
public record StaffPrincipal(UUID staffId, String email, String displayName, StaffRole role, int sessionGeneration,
		boolean passwordOutdated) implements AuthenticatedPrincipal, Serializable {

	/** A staff member whose password meets the policy. */
	public StaffPrincipal(UUID staffId, String email, String displayName, StaffRole role, int sessionGeneration) {
		this(staffId, email, displayName, role, sessionGeneration, false);
	}

	@Override
	public String getName() {
		return "staff:" + staffId;
	}

}
