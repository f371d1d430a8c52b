package io.clientele.backoffice;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.clientele.staff.StaffPrincipal;
import io.clientele.staff.StaffSignInStep;

/**
 * A staff member whose password was right and whose second step (code or enrolment) is
 * still to come. Kept as the back office's security context in the HTTP session, so it
 * holds across nodes; it grants nothing but {@link #AUTHORITY}, which opens the second
 * step's pages. Its principal is no {@link StaffPrincipal}, so no handler, argument
 * resolver or filter that looks for a signed-in staff member finds one.
 */
final class PendingStaffAuthentication extends AbstractAuthenticationToken {

	static final String AUTHORITY = "BACKOFFICE_SECOND_STEP";

	private static final long serialVersionUID = 1L;

	/**
	 * @param staff who typed the right password
	 * @param step what they must do next: type a code or enrol
	 * @param since when the password was right; the second step must follow soon
	 */
	record PendingStaff(StaffPrincipal staff, StaffSignInStep step, Instant since) implements Serializable {
	}

	private final PendingStaff pending;

	PendingStaffAuthentication(PendingStaff pending) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.pending = pending;
		setAuthenticated(true);
	}

	PendingStaff pending() {
		return pending;
	}

	@Override
	public Object getPrincipal() {
		return pending;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return "pending-staff:" + pending.staff().staffId();
	}

}
