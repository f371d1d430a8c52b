package io.clientele.credentials;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.customer.CustomerManagement;
import io.clientele.customer.EmailAlreadyRegistered;
import io.clientele.customer.RegisterCustomer;
import io.clientele.notification.CustomerMails;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/**
 * Registration of a customer with a first password, in one transaction with its mail: the
 * confirmation link (double opt-in) or the welcome. An address that already has an
 * account changes nothing; its owner is told by mail instead.
 */
@Component
public class SignUp {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	private final CustomerManagement customers;

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final CustomerTokens tokens;

	private final CustomerMails mails;

	private final RegistrationSettings registration;

	private final CredentialsSettings.Reset reset;

	private final RequestLimits requestLimits;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SignUp(CustomerManagement customers, PasswordPolicy policy, PasswordHashing hashing, PasswordRepository passwords,
			CustomerTokens tokens, CustomerMails mails, RegistrationSettings registration,
			CredentialsSettings credentials, RequestLimits requestLimits, TransactionTemplate transaction,
			Clock clock) {
		this.customers = customers;
		this.policy = policy;
		this.hashing = hashing;
		this.passwords = passwords;
		this.tokens = tokens;
		this.mails = mails;
		this.registration = registration;
		this.reset = credentials.reset();
		this.requestLimits = requestLimits;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Every rule the customer data and the password break, all at once. */
	public List<Violation> check(RegisterCustomer data, String password) {
		var violations = new ArrayList<>(customers.check(data));
		// a new account has no second factor yet: the single-factor minimum applies
		violations
			.addAll(policy.check(new PasswordCandidate(password, data.email(), data.firstName(), data.lastName())));
		return violations;
	}

	/**
	 * A registration from the public (storefront, API):
	 * {@link #register(RegisterCustomer, String)} within the limits per client address
	 * (an hour) and per e-mail address (a day). Over a limit nothing is looked up, hashed
	 * or mailed, and the answer is the same whether or not the address has an account.
	 * @throws InvalidInput when {@link #check} reports anything
	 */
	public SignUpOutcome register(RegisterCustomer data, String password, String clientAddress) {
		var violations = check(data, password);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		// Counted in PostgreSQL, so the limit holds across nodes; the address counts
		// whether or not it has an account, so refusals tell nothing about it.
		var wait = requestLimits.acquire("register-client", clientAddress, registration.maxPerClient(), HOUR)
			.or(() -> requestLimits.acquire("register-email", EmailAddress.of(data.email()).normalized(),
					registration.maxPerAddress(), DAY));
		if (wait.isPresent()) {
			return new SignUpOutcome.TooManyRegistrations(wait.get());
		}
		return create(data, password);
	}

	/**
	 * Creates the account and its password, without the public limits (demo data,
	 * imports). An address that already has an account changes nothing and costs the same
	 * hashing time, so that callers can answer both alike.
	 * @throws InvalidInput when {@link #check} reports anything
	 */
	public SignUpOutcome register(RegisterCustomer data, String password) {
		var violations = check(data, password);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return create(data, password);
	}

	private SignUpOutcome create(RegisterCustomer data, String password) {
		// Hashed before the transaction, so no connection is held while it runs, and for
		// every request, so that a taken address answers as slowly as a new one.
		var hash = hashing.hash(password);
		try {
			return transaction.execute(status -> {
				var customer = customers.register(data);
				passwords.store(customer.id().value(), hash, clock.instant());
				customers.markRegistered(customer.id());
				if (data.confirmed()) {
					// imported or demo data: the shop vouches for the address, nobody is
					// mailed
				}
				else if (registration.doubleOptIn()) {
					var validity = registration.confirmationValidity();
					mails.registrationConfirmation(CustomerRecipients.of(customer),
							tokens.issue(customer.id(), TokenPurpose.REGISTRATION_CONFIRMATION, validity), validity);
				}
				else {
					mails.welcome(CustomerRecipients.of(customer));
				}
				return new SignUpOutcome.Registered(customer);
			});
		}
		catch (EmailAlreadyRegistered ex) {
			tellOwnerAboutTheAttempt(EmailAddress.of(data.email()));
			return new SignUpOutcome.AddressAlreadyRegistered();
		}
	}

	// The owner learns that someone used their address and gets a reset link, at most as
	// often
	// as a forgotten-password request would send one.
	private void tellOwnerAboutTheAttempt(EmailAddress email) {
		if (!requestLimits.tryAcquire("reset-email", email.normalized(), reset.maxRequestsPerEmail(), HOUR)) {
			return;
		}
		transaction.executeWithoutResult(status -> customers.findByEmail(email)
			.ifPresent(owner -> mails.registrationAttempted(CustomerRecipients.of(owner),
					tokens.issue(owner.id(), TokenPurpose.PASSWORD_RESET, reset.tokenValidity()),
					reset.tokenValidity())));
	}

}
