package io.clientele.authentication;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordResets;
import io.clientele.credentials.Registrations;
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

	CustomerLogin(PasswordManagement passwords, CustomerManagement customers, Registrations registrations,
			PasswordResets resets, LoginThrottle throttle) {
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
			return new LoginOutcome.Failed<>();
		}
		throttle.clear(email);
		return new LoginOutcome.Succeeded<>(new CustomerPrincipal(customer.id().value(), customer.reference().value(),
				customer.locale().code(), verified.get().status()));
	}

	/** Whether the account is blocked after repeated failures right now. */
	public boolean isLockedOut(String email) {
		return throttle.blockedFor(email, null).isPresent();
	}

	/** Ends a lockout of the account at once (staff's "unlock"). */
	public void unlock(String email) {
		throttle.clear(email);
	}

	/**
	 * A failed password check outside a login (a wrong current password) counts the same.
	 */
	public void recordFailure(String email, @Nullable String clientAddress) {
		var failure = throttle.recordFailure(email, clientAddress);
		if (failure.firstAccountBlock() && EmailAddress.problemWith(email).isEmpty()) {
			customers.findByEmail(EmailAddress.of(email))
				.ifPresent(customer -> resets.sendLockoutNotice(customer.id(), failure.blockedFor()));
		}
	}

}
