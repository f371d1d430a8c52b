package io.clientele.credentials;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.multifactor.SecondFactors;
import io.clientele.notification.CustomerMails;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/** Verifies, changes and sets customers' passwords. */
@Component
public class PasswordManagement {

	// credentials_password.hash
	private static final int MAX_HASH_LENGTH = 512;

	// Far above any allowed password: longer input fails at once instead of being hashed.
	private static final int MAX_VERIFIABLE_LENGTH = 4096;

	private final CustomerManagement customers;

	private final PasswordPolicy policy;

	private final NewPasswordCheck newPasswords;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final CustomerTokens tokens;

	private final CustomerMails mails;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final PasswordResets resets;

	private final PasswordCandidates candidates;

	private final SecondFactors factors;

	PasswordManagement(CustomerManagement customers, PasswordPolicy policy, NewPasswordCheck newPasswords,
			PasswordHashing hashing, PasswordRepository passwords, CustomerTokens tokens, CustomerMails mails,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock, AuditTrail audit,
			LoginThrottle throttle, PasswordResets resets, PasswordCandidates candidates, SecondFactors factors) {
		this.candidates = candidates;
		this.factors = factors;
		this.audit = audit;
		this.throttle = throttle;
		this.resets = resets;
		this.customers = customers;
		this.policy = policy;
		this.newPasswords = newPasswords;
		this.hashing = hashing;
		this.passwords = passwords;
		this.tokens = tokens;
		this.mails = mails;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Whether a verified password still meets today's policy, and what follows if not.
	 */
	public enum PasswordStatus {

		COMPLIANT, CHANGE_SUGGESTED, CHANGE_REQUIRED

	}

	/**
	 * A successful verification: whose password it was and whether it should be changed.
	 */
	public record VerifiedPassword(CustomerDetails customer, PasswordStatus status) {
	}

	/** The outcome of a customer changing their own password. */
	public sealed interface ChangeOutcome {

		record Changed() implements ChangeOutcome {
		}

		/** The current password was wrong (counted as a failed login). */
		record WrongCurrentPassword() implements ChangeOutcome {
		}

		/** Too many failures: the current password was not checked. */
		record Blocked(Duration remaining) implements ChangeOutcome {
		}

		record Rejected(List<Violation> violations) implements ChangeOutcome {
		}

		/** The account has a second factor and its code did not come or was refused. */
		record SecondFactorRefused(SecondFactorCheck check) implements ChangeOutcome {
		}

	}

	/**
	 * A login's password check: the lockout is consulted before hashing and the attempt
	 * counted (a failure is audited, and the first block tells the owner). Costs one hash
	 * verification whether or not the address has an account, and replaces an outdated
	 * hash on success. Passwords set under an older policy keep working; the status says
	 * whether to change them.
	 */
	public PasswordCheck<VerifiedPassword> login(String email, String password, LoginAttempt attempt) {
		var customer = EmailAddress.problemWith(email).isEmpty() ? customers.findByEmail(EmailAddress.of(email))
				: Optional.<CustomerDetails>empty();
		return guarded(email, customer, password, attempt, details -> {
			var hash = passwords.findHash(details.id().value()).orElseThrow();
			if (hashing.isOutdated(hash)) {
				passwords.rehash(details.id().value(), hashing.hash(password));
			}
			return new VerifiedPassword(details, statusOf(details, password));
		});
	}

	/**
	 * Whether the password is the signed-in customer's current one (to change the
	 * password or the address, close the account): checked and counted exactly like a
	 * login, so a stolen session gets no more guesses than a login form.
	 */
	public PasswordCheck<CustomerDetails> confirmCurrent(CustomerId customerId, String password, LoginAttempt attempt) {
		var customer = customers.find(customerId);
		var login = customer.map(c -> c.email().value()).orElse(customerId.toString());
		// always on the account's own counter, never on a device's: whoever holds the
		// session (and so its device cookie) gets no guesses beyond the account's
		return guarded(login, customer, password, new LoginAttempt(attempt.clientAddress(), null), details -> details);
	}

	// Reserve the attempt, then hash; count, audit and tell the owner in one place.
	private <T> PasswordCheck<T> guarded(String login, Optional<CustomerDetails> customer, String password,
			LoginAttempt attempt, java.util.function.Function<CustomerDetails, T> onSuccess) {
		return throttle.guard(login, attempt,
				() -> password.length() <= MAX_VERIFIABLE_LENGTH && matches(customer, password),
				() -> onSuccess.apply(customer.orElseThrow()), failure -> customer
					.ifPresent(details -> reportFailure(details.id(), login, attempt.clientAddress(), failure)));
	}

	// The customer's trail, the lockout's owner, and the first block's notice.
	private void reportFailure(CustomerId customer, String login, @org.jspecify.annotations.Nullable String client,
			LoginThrottle.Failure failure) {
		transaction.executeWithoutResult(status -> {
			audit.record(AuditType.LOGIN_FAILED, customer.value(), AuditTrail.ANONYMOUS, client, "wrong password");
			if (failure.accountBlocked()) {
				throttle.attribute(login, customer.value());
				audit.record(AuditType.LOCKED_OUT, customer.value(), AuditTrail.ANONYMOUS, client,
						failure.blockedFor().toMinutes() + " min");
			}
			if (failure.firstAccountBlock()) {
				resets.sendLockoutNotice(customer, failure.blockedFor());
			}
		});
	}

	/**
	 * Changes the password after checking the current one and, if the account has one,
	 * the second factor (or its grace period). Afterwards every token is void, the
	 * customer's other sessions end ({@link PasswordChanged}) and a mail tells them.
	 */
	public ChangeOutcome changePassword(CustomerId customerId, String currentPassword, String newPassword,
			LoginAttempt attempt, SecondFactorProof proof) {
		var checked = confirmCurrent(customerId, currentPassword, attempt);
		if (checked instanceof PasswordCheck.Blocked<CustomerDetails> blocked) {
			return new ChangeOutcome.Blocked(blocked.remaining());
		}
		if (!(checked instanceof PasswordCheck.Passed<CustomerDetails> passed)) {
			return new ChangeOutcome.WrongCurrentPassword();
		}
		var details = passed.value();
		var secondFactor = secondFactor(details, proof);
		if (!secondFactor.satisfied()) {
			return new ChangeOutcome.SecondFactorRefused(secondFactor);
		}
		var violations = newPasswords.check(details, newPassword);
		if (!violations.isEmpty()) {
			return new ChangeOutcome.Rejected(violations);
		}
		var hash = hashing.hash(newPassword);
		transaction.executeWithoutResult(status -> {
			var now = clock.instant();
			passwords.store(details.id().value(), hash, now);
			tokens.voidAll(details.id());
			events.publishEvent(new PasswordChanged(details.id(), now, false));
			mails.passwordChanged(CustomerRecipients.of(details));
			audit.record(AuditType.PASSWORD_CHANGED, details.id().value(), AuditTrail.CUSTOMER,
					AuditTrail.currentClientAddress(), null);
		});
		return new ChangeOutcome.Changed();
	}

	/**
	 * The second factor of a protected action of the customer: passes without one, in the
	 * proof's grace period or with a right code; counted and audited by
	 * {@link SecondFactors}.
	 */
	SecondFactorCheck secondFactor(CustomerDetails customer, SecondFactorProof proof) {
		return factors.require(FactorOwner.customer(customer), proof);
	}

	/**
	 * Gives the customer a new password without the current one (imports, staff).
	 * @throws InvalidInput when the password breaks the policy
	 */
	public void setPassword(CustomerId customerId, String password) {
		var customer = customers.find(customerId).orElseThrow();
		var violations = newPasswords.check(customer, password);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		passwords.store(customerId.value(), hashing.hash(password), clock.instant());
		customers.markRegistered(customerId);
		tokens.voidAll(customerId);
	}

	/**
	 * Staff's "set password" (admins only): the full policy applies; the customer is
	 * signed out everywhere, told by mail, and, when {@code mustChange}, asked to choose
	 * their own password at the next login. Staff never see a password the customer
	 * chose.
	 * @throws InvalidInput when the password breaks the policy
	 */
	public void setPasswordByStaff(CustomerId customerId, String password, boolean mustChange, AuditActor actor) {
		var customer = customers.find(customerId).orElseThrow();
		var violations = newPasswords.check(customer, password);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		var hash = hashing.hash(password);
		transaction.executeWithoutResult(status -> {
			var now = clock.instant();
			passwords.store(customerId.value(), hash, now);
			customers.markRegistered(customerId);
			if (mustChange) {
				passwords.requireChange(customerId.value());
			}
			tokens.voidAll(customerId);
			events.publishEvent(new PasswordChanged(customerId, now, true));
			mails.passwordChanged(CustomerRecipients.of(customer));
			audit.record(AuditType.PASSWORD_SET, customerId.value(), actor,
					mustChange ? "must change at the next login" : null);
		});
	}

	/** How long a generated password works. */
	static final Duration GENERATED_VALIDITY = Duration.ofHours(72);

	// 16 of 57 symbols: about 93 bits
	private static final int GENERATED_LENGTH = 16;

	/**
	 * Staff's "generate password" (admins only): 16 random characters (more if the
	 * single-factor minimum is higher) from an unambiguous alphabet, with special ones
	 * when the policy asks for them, mailed to the customer (never shown to staff), valid
	 * 72 hours, to be changed at the next login. The customer is signed out everywhere.
	 * @throws PasswordPolicy.NoGeneratedPasswordFits when the policy's settings refuse
	 * every generated password
	 */
	public void generatePassword(CustomerId customerId, AuditActor actor) {
		var customer = customers.find(customerId).orElseThrow();
		var generated = policy.generate(GENERATED_LENGTH, password -> newPasswords.check(customer, password).isEmpty());
		var hash = hashing.hash(generated);
		transaction.executeWithoutResult(status -> {
			var now = clock.instant();
			passwords.storeTemporary(customerId.value(), hash, now, now.plus(GENERATED_VALIDITY));
			customers.markRegistered(customerId);
			tokens.voidAll(customerId);
			events.publishEvent(new PasswordChanged(customerId, now, true));
			mails.generatedPassword(CustomerRecipients.of(customer), generated, GENERATED_VALIDITY);
			audit.record(AuditType.PASSWORD_GENERATED, customerId.value(), actor, null);
		});
	}

	/** What the policy says about a password, for forms: every violation at once. */
	public List<Violation> checkNewPassword(CustomerId customerId, String password) {
		return newPasswords.check(customers.find(customerId).orElseThrow(), password);
	}

	/**
	 * The fewest characters the customer's new password may have: fewer when they have a
	 * second factor (forms show it).
	 */
	public int minLengthFor(CustomerId customerId) {
		return policy.minLength(candidates.customerHasSecondFactor(customerId));
	}

	/**
	 * The customer's new password as the policy sees it (their words, their second
	 * factor), for the strength meter.
	 */
	public PasswordCandidate candidate(CustomerDetails customer, String password) {
		return candidates.customer(customer, password);
	}

	private boolean matches(Optional<CustomerDetails> customer, String password) {
		var hash = customer.flatMap(c -> passwords.findHash(c.id().value()));
		// the same hashing work with or without an account, an imported hash or not
		if (!hashing.verifyEvenly(hash.orElse(null), password)) {
			return false;
		}
		// an expired generated password costs the verification and fails like a wrong one
		return !passwords.expired(customer.orElseThrow().id().value(), clock.instant());
	}

	/**
	 * Staff's "require a password change at the next login", on the record in the same
	 * transaction. Returns false for a customer without a password (nothing to change).
	 */
	public boolean requireChange(CustomerId customer, AuditActor actor) {
		return Boolean.TRUE.equals(transaction.execute(status -> {
			var required = passwords.requireChange(customer.value());
			if (required) {
				audit.record(AuditType.PASSWORD_CHANGE_REQUIRED, customer.value(), actor, null);
			}
			return required;
		}));
	}

	/**
	 * Whether an import may store the hash as it is: bcrypt ({@code $2y$}, {@code $2a$},
	 * {@code $2b$}), argon2id or argon2i PHC strings, PBKDF2 in PHC or {@code {pbkdf2}}
	 * form. Each is verified at login and replaced by an argon2id hash then.
	 */
	public boolean isImportableHash(String hash) {
		return hash.length() <= MAX_HASH_LENGTH && ForeignHashes.recognised(hash)
				&& ForeignHashes.weakness(hash).isEmpty();
	}

	/**
	 * Why an import must not keep this hash although its form is known: a cost so low
	 * that a stolen copy is cracked at once ("is a bcrypt hash of cost 6, below the
	 * minimum of 8"); empty otherwise.
	 */
	public Optional<String> weaknessOfImportedHash(String hash) {
		return hash.length() <= MAX_HASH_LENGTH ? ForeignHashes.weakness(hash) : Optional.empty();
	}

	/**
	 * The argon2id hash of a clear password from an import file. The policy is not
	 * applied: a password that breaks it keeps working, and the customer is asked to
	 * change it after the login.
	 */
	public String hashImportedPassword(String password) {
		return hashing.hash(password);
	}

	/**
	 * Stores the hashes of an import batch (checked with {@link #isImportableHash}) in
	 * the caller's transaction: for customers without a password, and in place of an
	 * earlier imported hash not used since. A password the customer chose or has logged
	 * in with is never replaced. Returns the customers whose hash was written.
	 */
	public Set<CustomerId> storeImportedHashes(Map<CustomerId, String> hashes) {
		if (hashes.isEmpty()) {
			return Set.of();
		}
		var owners = new ArrayList<UUID>(hashes.size());
		var values = new ArrayList<String>(hashes.size());
		hashes.forEach((customer, hash) -> {
			owners.add(customer.value());
			values.add(hash);
		});
		var stored = passwords.storeImported(owners, values, clock.instant())
			.stream()
			.map(CustomerId::new)
			.collect(Collectors.toSet());
		hashing.importedHashesChanged();
		return stored;
	}

	/** The password hashes of the customers that have one (exports), in one query. */
	public Map<CustomerId, String> hashesOf(Collection<CustomerId> customers) {
		var hashes = new HashMap<CustomerId, String>();
		passwords.findHashes(customers.stream().map(CustomerId::value).toList())
			.forEach((owner, hash) -> hashes.put(new CustomerId(owner), hash));
		return hashes;
	}

	/** Whether the customer has a password at all (has a login, in Kentico's words). */
	public boolean hasPassword(CustomerId customer) {
		return passwords.findHash(customer.value()).isPresent();
	}

	private PasswordStatus statusOf(CustomerDetails customer, String password) {
		if (passwords.mustChange(customer.id().value())) {
			return PasswordStatus.CHANGE_REQUIRED;
		}
		// a password shorter than the single-factor minimum complies once a second factor
		// is added, and stops complying when the last one is removed
		var compliant = policy.check(candidates.customer(customer, password)).isEmpty();
		if (compliant) {
			return PasswordStatus.COMPLIANT;
		}
		return policy.nonCompliant() == CredentialsSettings.NonCompliantPasswords.REQUIRE_CHANGE
				? PasswordStatus.CHANGE_REQUIRED : PasswordStatus.CHANGE_SUGGESTED;
	}

}
