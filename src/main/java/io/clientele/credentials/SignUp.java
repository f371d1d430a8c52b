package io.clientele.credentials;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.EmailAlreadyRegistered;
import io.clientele.customer.RegisterCustomer;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/** Registration of a customer with a first password, in one transaction. */
@Component
public class SignUp {

	private final CustomerManagement customers;

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SignUp(CustomerManagement customers, PasswordPolicy policy, PasswordHashing hashing, PasswordRepository passwords,
			TransactionTemplate transaction, Clock clock) {
		this.customers = customers;
		this.policy = policy;
		this.hashing = hashing;
		this.passwords = passwords;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Every rule the customer data and the password break, all at once. */
	public List<Violation> check(RegisterCustomer data, String password) {
		var violations = new ArrayList<>(customers.check(data));
		violations.addAll(policy.check(password));
		return violations;
	}

	/**
	 * Creates the account and its password. An address that already has an account
	 * changes nothing and costs the same hashing time, so that callers can answer both
	 * alike.
	 * @throws InvalidInput when {@link #check} reports anything
	 */
	public SignUpOutcome register(RegisterCustomer data, String password) {
		var violations = check(data, password);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		// Hashed before the transaction, so no connection is held while it runs, and for
		// every request, so that a taken address answers as slowly as a new one.
		var hash = hashing.hash(password);
		try {
			return transaction.execute(status -> {
				CustomerDetails customer = customers.register(data);
				passwords.store(customer.id().value(), hash, clock.instant());
				return new SignUpOutcome.Registered(customer);
			});
		}
		catch (EmailAlreadyRegistered ex) {
			return new SignUpOutcome.AddressAlreadyRegistered();
		}
	}

}
