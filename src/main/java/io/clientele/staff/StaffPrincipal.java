package io.clientele.staff;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in staff member as the back-office session keeps them. The session generation
 * tells whether the account was deactivated since (see {@link StaffLogin#current}).
 */
public record StaffPrincipal(UUID staffId, String email, String displayName, StaffRole role,
		int sessionGeneration) implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return "staff:" + staffId;
	}

}
