package io.clientele.staff;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.clientele.authentication.LoginThrottle;
import io.clientele.credentials.StaffCredentials;
import io.clientele.shared.EmailAddress;

/**
 * A staff member's login, with the customers' lockout rules (counted separately from any
 * customer account of the same address) and the same cost for unknown addresses.
 */
@Component
public class StaffLogin {

	/** What a staff login attempt came to. */
	public sealed interface Outcome {

		record Succeeded(StaffPrincipal staff) implements Outcome {
		}

		record Failed() implements Outcome {
		}

		record Blocked(Duration remaining) implements Outcome {

			public long minutes() {
				return Math.max(1, (remaining.toSeconds() + 59) / 60);
			}

		}

	}

	private final StaffAccounts accounts;

	private final StaffCredentials credentials;

	private final LoginThrottle throttle;

	StaffLogin(StaffAccounts accounts, StaffCredentials credentials, LoginThrottle throttle) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.throttle = throttle;
	}

	public Outcome attempt(String email, String password, @Nullable String clientAddress) {
		// "staff:" keeps a staff member's failures apart from a customer account of the
		// same address
		var key = "staff:" + email.strip();
		var blocked = throttle.blockedFor(key, clientAddress);
		if (blocked.isPresent()) {
			return new Outcome.Blocked(blocked.get());
		}
		var staff = EmailAddress.problemWith(email).isEmpty() ? accounts.findByEmail(EmailAddress.of(email))
				: java.util.Optional.<StaffSummary>empty();
		// an unknown address is checked against a random id without a hash: the decoy,
		// same cost
		var verified = credentials.verify(staff.map(StaffSummary::id).orElseGet(UUID::randomUUID), password);
		if (staff.isEmpty() || !verified) {
			throttle.recordFailure(key, clientAddress);
			return throttle.blockedFor(key, null).<Outcome>map(Outcome.Blocked::new).orElse(new Outcome.Failed());
		}
		throttle.clear(key);
		return new Outcome.Succeeded(
				new StaffPrincipal(staff.get().id(), staff.get().displayName(), staff.get().role()));
	}

}
