package io.clientele.staff;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.clientele.authentication.LoginOutcome;
import io.clientele.authentication.LoginThrottle;
import io.clientele.credentials.StaffCredentials;
import io.clientele.shared.EmailAddress;

/**
 * A staff member's login, with the customers' lockout rules (counted separately from any
 * customer account of the same address) and the same cost for unknown addresses and
 * deactivated accounts; and whether a signed-in staff member is still signed in.
 */
@Component
public class StaffLogin {

	private final StaffAccounts accounts;

	private final StaffCredentials credentials;

	private final LoginThrottle throttle;

	StaffLogin(StaffAccounts accounts, StaffCredentials credentials, LoginThrottle throttle) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.throttle = throttle;
	}

	public LoginOutcome<StaffPrincipal> attempt(String email, String password, @Nullable String clientAddress) {
		var key = throttleKey(email);
		var blocked = throttle.blockedFor(key, clientAddress);
		if (blocked.isPresent()) {
			return new LoginOutcome.Blocked<>(blocked.get());
		}
		var staff = EmailAddress.problemWith(email).isEmpty() ? accounts.account(EmailAddress.of(email))
				: Optional.<StaffAccount>empty();
		// an unknown address is checked against a random id without a hash: the decoy,
		// same cost
		var verified = credentials.verify(staff.map(StaffAccount::id).orElseGet(UUID::randomUUID), password);
		// a deactivated account fails like a wrong password, after the same verification,
		// so that neither the answer nor its timing tells the difference
		if (staff.isEmpty() || !verified || !staff.get().active()) {
			throttle.recordFailure(key, clientAddress);
			return throttle.blockedFor(key, null)
				.<LoginOutcome<StaffPrincipal>>map(LoginOutcome.Blocked::new)
				.orElse(new LoginOutcome.Failed<>());
		}
		throttle.clear(key);
		return new LoginOutcome.Succeeded<>(staff.get().principal());
	}

	/**
	 * The signed-in staff member as they are now, with their current name and role; empty
	 * when the account is deactivated or was deactivated after they signed in (their
	 * session is over).
	 */
	public Optional<StaffPrincipal> current(StaffPrincipal signedIn) {
		return accounts.account(signedIn.staffId())
			.filter(StaffAccount::active)
			.map(StaffAccount::principal)
			.filter(now -> now.sessionGeneration() == signedIn.sessionGeneration());
	}

	/** Whether the staff member's login is blocked after repeated failures right now. */
	public boolean isLockedOut(StaffSummary staff) {
		return throttle.blockedFor(throttleKey(staff.email().value()), null).isPresent();
	}

	/** Ends a lockout of the staff member's login at once. */
	public void unlock(StaffSummary staff) {
		throttle.clear(throttleKey(staff.email().value()));
	}

	// "staff:" keeps a staff member's failures apart from a customer account of the same
	// address
	private static String throttleKey(String email) {
		return "staff:" + email.strip();
	}

}
