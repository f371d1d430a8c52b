package io.clientele.staff;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.clientele.authentication.LoginOutcome;
import io.clientele.credentials.LoginAttempt;
import io.clientele.credentials.PasswordCheck;
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

	StaffLogin(StaffAccounts accounts, StaffCredentials credentials) {
		this.accounts = accounts;
		this.credentials = credentials;
	}

	public LoginOutcome<StaffPrincipal> attempt(String email, String password, LoginAttempt attempt) {
		var staff = EmailAddress.problemWith(email).isEmpty() ? accounts.account(EmailAddress.of(email))
				: Optional.<StaffAccount>empty();
		// a deactivated account fails like a wrong password, after the same verification,
		// so that neither the answer nor its timing tells the difference
		var checked = credentials.login(throttleKey(email), staff.map(StaffAccount::id),
				staff.map(StaffAccount::active).orElse(false), password, attempt);
		return switch (checked) {
			case PasswordCheck.Passed<UUID> passed -> {
				// a password set under an older policy keeps working; the back office
				// then
				// asks its owner to act (as the storefront asks customers)
				var account = staff.orElseThrow();
				var outdated = !credentials.meetsPolicy(account.id(), account.email(), account.displayName(), password);
				yield new LoginOutcome.Succeeded<>(account.principal(outdated), passed.deviceToken());
			}
			case PasswordCheck.Failed<UUID> failed -> new LoginOutcome.Failed<>();
			case PasswordCheck.Blocked<UUID> blocked -> new LoginOutcome.Blocked<>(blocked.remaining());
		};
	}

	/**
	 * The signed-in staff member as they are now, with their current name and role (and
	 * what their login found of their password); empty when the account is deactivated or
	 * was deactivated after they signed in (their session is over).
	 */
	public Optional<StaffPrincipal> current(StaffPrincipal signedIn) {
		return accounts.account(signedIn.staffId())
			.filter(StaffAccount::active)
			.map(account -> account.principal(signedIn.passwordOutdated()))
			.filter(now -> now.sessionGeneration() == signedIn.sessionGeneration());
	}

	/** Whether the staff member's login is blocked after repeated failures right now. */
	public boolean isLockedOut(StaffSummary staff) {
		return credentials.isLockedOut(throttleKey(staff.email().value()));
	}

	/** Ends a lockout of the staff member's login at once. */
	public void unlock(StaffSummary staff) {
		credentials.unlock(throttleKey(staff.email().value()));
	}

	// "staff:" keeps a staff member's failures apart from a customer account of the same
	// address
	private static String throttleKey(String email) {
		return "staff:" + email.strip();
	}

}
