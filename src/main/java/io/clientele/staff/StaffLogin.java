package io.clientele.staff;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.clientele.authentication.LoginOutcome;
import io.clientele.authentication.LoginThrottle;
import io.clientele.credentials.StaffCredentials;
import io.clientele.shared.EmailAddress;

/**
 * A staff member's login, with the customers' lockout rules (counted separately from any
 * customer account of the same address) and the same cost for unknown addresses.
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
		// "staff:" keeps a staff member's failures apart from a customer account of the
		// same address
		var key = "staff:" + email.strip();
		var blocked = throttle.blockedFor(key, clientAddress);
		if (blocked.isPresent()) {
			return new LoginOutcome.Blocked<>(blocked.get());
		}
		var staff = EmailAddress.problemWith(email).isEmpty() ? accounts.findByEmail(EmailAddress.of(email))
				: java.util.Optional.<StaffSummary>empty();
		// an unknown address is checked against a random id without a hash: the decoy,
		// same cost
		var verified = credentials.verify(staff.map(StaffSummary::id).orElseGet(UUID::randomUUID), password);
		if (staff.isEmpty() || !verified) {
			throttle.recordFailure(key, clientAddress);
			return throttle.blockedFor(key, null)
				.<LoginOutcome<StaffPrincipal>>map(LoginOutcome.Blocked::new)
				.orElse(new LoginOutcome.Failed<>());
		}
		throttle.clear(key);
		return new LoginOutcome.Succeeded<>(new StaffPrincipal(staff.get().id(), staff.get().email().value(),
				staff.get().displayName(), staff.get().role()));
	}

}
