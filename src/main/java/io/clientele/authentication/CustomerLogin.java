package io.clientele.authentication;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordResets;
import io.clientele.credentials.Registrations;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;

/**
 * A customer's login with address and password, the same for the storefront and the API:
 * a blocked account or client address is refused before the password is looked at; an
 * unknown address, a wrong password and an unconfirmed account fail alike; failures count
 * towards the lockout and the first block tells the owner.
 */
@Component
public class CustomerLogin {

	private final PasswordManagement passwords;

	private final CustomerManagement customers;

	private final Registrations registrations;

	private final PasswordResets resets;

	private final LoginThrottle throttle;

	private final AuditTrail audit;

	CustomerLogin(PasswordManagement passwords, CustomerManagement customers, Registrations registrations,
			PasswordResets resets, LoginThrottle throttle, AuditTrail audit) {
		this.audit = audit;
		this.passwords = passwords;
		this.customers = customers;
		this.registrations = registrations;
		this.resets = resets;
		this.throttle = throttle;
	}

	public LoginOutcome<CustomerPrincipal> attempt(String email, String password, @Nullable String clientAddress) {
		var blocked = throttle.blockedFor(email, clientAddress);
		if (blocked.isPresent()) {
			return new LoginOutcome.Blocked<>(blocked.get());
		}
		var verified = passwords.verify(email, password);
		if (verified.isEmpty()) {
			recordFailure(email, clientAddress);
			return throttle.blockedFor(email, null)
				.<LoginOutcome<CustomerPrincipal>>map(LoginOutcome.Blocked::new)
				.orElse(new LoginOutcome.Failed<>());
		}
		var customer = verified.get().customer();
		if ((registrations.doubleOptIn() && !customer.confirmed()) || customer.blocked()) {
			audit.record(AuditType.LOGIN_FAILED, customer.id().value(), AuditTrail.ANONYMOUS, clientAddress,
					customer.blocked() ? "blocked" : "unconfirmed");
			return new LoginOutcome.Failed<>();
		}
		throttle.clear(email);
		audit.record(AuditType.LOGIN_SUCCEEDED, customer.id().value(), AuditTrail.CUSTOMER, clientAddress, null);
		return new LoginOutcome.Succeeded<>(new CustomerPrincipal(customer.id().value(), customer.reference().value(),
				customer.locale().code(), verified.get().status()));
	}

	/** The customers whose accounts are blocked after repeated failures right now. */
	public java.util.List<CustomerId> lockedCustomers() {
		return throttle.lockedCustomers().stream().map(CustomerId::new).toList();
	}

	/** Whether the account is blocked after repeated failures right now. */
	public boolean isLockedOut(String email) {
		return throttle.blockedFor(email, null).isPresent();
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

	/**
	 * A wrong current password outside a login (changing the password or the address,
	 * closing the account) counts the same as a failed login.
	 */
	public void recordFailure(CustomerId customer, @Nullable String clientAddress) {
		customers.find(customer).ifPresent(details -> {
			var email = details.email().value();
			reportFailure(details.id(), clientAddress, email, throttle.recordFailure(email, clientAddress));
		});
	}

	private void recordFailure(String email, @Nullable String clientAddress) {
		var failure = throttle.recordFailure(email, clientAddress);
		if (EmailAddress.problemWith(email).isPresent()) {
			return;
		}
		customers.findByEmail(EmailAddress.of(email))
			.ifPresent(customer -> reportFailure(customer.id(), clientAddress, email, failure));
	}

	// The customer's trail, the lockout's owner, and the first block's notice.
	private void reportFailure(CustomerId customer, @Nullable String clientAddress, String email,
			LoginThrottle.Failure failure) {
		audit.record(AuditType.LOGIN_FAILED, customer.value(), AuditTrail.ANONYMOUS, clientAddress, "wrong password");
		if (failure.accountBlocked()) {
			throttle.attribute(email, customer.value());
			audit.record(AuditType.LOCKED_OUT, customer.value(), AuditTrail.ANONYMOUS, clientAddress,
					failure.blockedFor().toMinutes() + " min");
		}
		if (failure.firstAccountBlock()) {
			resets.sendLockoutNotice(customer, failure.blockedFor());
		}
	}

}
