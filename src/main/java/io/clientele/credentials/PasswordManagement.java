package io.clientele.credentials;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;

/** Verifies and sets customers' passwords. */
@Component
public class PasswordManagement {

	// Far above any allowed password: longer input fails at once instead of being hashed.
	private static final int MAX_VERIFIABLE_LENGTH = 4096;

	private final CustomerManagement customers;

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final Clock clock;

	PasswordManagement(CustomerManagement customers, PasswordPolicy policy, PasswordHashing hashing,
			PasswordRepository passwords, Clock clock) {
		this.customers = customers;
		this.policy = policy;
		this.hashing = hashing;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * The customer whose address and password these are, or empty. Costs one hash
	 * verification whether or not the address has an account, and replaces an outdated
	 * hash on success.
	 */
	public Optional<CustomerId> verify(String email, String password) {
		if (password.length() > MAX_VERIFIABLE_LENGTH) {
			return Optional.empty();
		}
		var customer = EmailAddress.problemWith(email).isEmpty()
				? customers.findByEmail(EmailAddress.of(email)).map(c -> c.id()) : Optional.<CustomerId>empty();
		var hash = customer.flatMap(id -> passwords.findHash(id.value()));
		if (customer.isEmpty() || hash.isEmpty()) {
			hashing.verifyDecoy(password);
			return Optional.empty();
		}
		if (!hashing.verify(hash.get(), password)) {
			return Optional.empty();
		}
		if (hashing.isOutdated(hash.get())) {
			passwords.store(customer.get().value(), hashing.hash(password), clock.instant());
		}
		return customer;
	}

	/**
	 * Gives the customer a new password.
	 * @throws InvalidInput when the password breaks the policy
	 */
	public void setPassword(CustomerId customer, String password) {
		var violations = policy.check(password);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		passwords.store(customer.value(), hashing.hash(password), clock.instant());
	}

}
