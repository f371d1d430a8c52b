package io.clientele.staff;

import io.clientele.audit.AuditActor;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in staff member as the back-office session keeps them. The session generation
 * tells whether the account was deactivated since (see {@link StaffLogin#current}).
 */
public record StaffPrincipal(UUID staffId, String email, String displayName, StaffRole role,
		int sessionGeneration) implements AuthenticatedPrincipal, AuditActor, Serializable {

	/** Staff appear in the audit trail by their address. */
	@Override
	public String auditName() {
		return email;
	}

	@Override
	public String getName() {
		return "staff:" + staffId;
	}

}
