package io.clientele.authentication;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.credentials.LoginAttempt;
import io.clientele.credentials.LoginThrottle;
import io.clientele.credentials.PasswordCheck;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordManagement.VerifiedPassword;
import io.clientele.credentials.Registrations;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;

/**
 * A customer's login with address and password, the same for the storefront and the API:
 * the attempt is reserved against the lockout before the password is hashed (credentials
 * counts it, audits it and tells the owner of a block); an unknown address, a wrong
 * password and an unconfirmed or blocked account fail alike.
 */
@Component
public class CustomerLogin {

	private final PasswordManagement passwords;

	private final Registrations registrations;

	private final LoginThrottle throttle;

	private final AuditTrail audit;

	CustomerLogin(PasswordManagement passwords, Registrations registrations, LoginThrottle throttle, AuditTrail audit) {
		this.audit = audit;
		this.passwords = passwords;
		this.registrations = registrations;
		this.throttle = throttle;
	}

	public LoginOutcome<CustomerPrincipal> attempt(String email, String password, LoginAttempt attempt) {
		return switch (passwords.login(email, password, attempt)) {
			case PasswordCheck.Blocked<VerifiedPassword> blocked -> new LoginOutcome.Blocked<>(blocked.remaining());
			case PasswordCheck.Failed<VerifiedPassword> failed -> new LoginOutcome.Failed<>();
			case PasswordCheck.Passed<VerifiedPassword> passed -> admit(passed, attempt);
		};
	}

	private LoginOutcome<CustomerPrincipal> admit(PasswordCheck.Passed<VerifiedPassword> passed, LoginAttempt attempt) {
		var customer = passed.value().customer();
		if ((registrations.doubleOptIn() && !customer.confirmed()) || customer.blocked()) {
			audit.record(AuditType.LOGIN_FAILED, customer.id().value(), AuditTrail.ANONYMOUS, attempt.clientAddress(),
					customer.blocked() ? "blocked" : "unconfirmed");
			return new LoginOutcome.Failed<>();
		}
		audit.record(AuditType.LOGIN_SUCCEEDED, customer.id().value(), AuditTrail.CUSTOMER, attempt.clientAddress(),
				null);
		return new LoginOutcome.Succeeded<>(new CustomerPrincipal(customer.id().value(), customer.reference().value(),
				customer.locale().code(), passed.value().status()), passed.deviceToken());
	}

	/** The customers whose accounts are blocked after repeated failures right now. */
	public List<CustomerId> lockedCustomers() {
		return throttle.lockedCustomers().stream().map(CustomerId::new).toList();
	}

	/** Whether the account is blocked after repeated failures right now. */
	public boolean isLockedOut(String email) {
		return throttle.blockedFor(email).isPresent();
	}

	/**
	 * Staff's "unlock": ends a lockout of the account at once, on the record in the same
	 * transaction.
	 */
	@Transactional
	public void unlock(CustomerDetails customer, AuditActor actor) {
		throttle.clear(customer.email().value());
		audit.record(AuditType.UNLOCKED, customer.id().value(), actor, null);
	}

}
