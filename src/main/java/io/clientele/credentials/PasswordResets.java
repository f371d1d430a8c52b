package io.clientele.credentials;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.EmailAlreadyRegistered;
import io.clientele.customer.RegisterCustomer;
import io.clientele.notification.CustomerMails;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/** Forgotten passwords: the e-mailed link and choosing a new password with it. */
@Component
public class PasswordResets {

	private static final Duration HOUR = Duration.ofHours(1);

	private final CustomerManagement customers;

	private final CustomerTokens tokens;

	private final CustomerMails mails;

	private final NewPasswordCheck newPasswords;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final RequestLimits requestLimits;

	private final CredentialsSettings.Reset settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final TaskExecutor background;

	private final Clock clock;

	private final AuditTrail audit;

	PasswordResets(CustomerManagement customers, CustomerTokens tokens, CustomerMails mails,
			NewPasswordCheck newPasswords, PasswordHashing hashing, PasswordRepository passwords,
			RequestLimits requestLimits, CredentialsSettings credentials, ApplicationEventPublisher events,
			TransactionTemplate transaction, @Qualifier("applicationTaskExecutor") TaskExecutor background, Clock clock,
			AuditTrail audit) {
		this.audit = audit;
		this.customers = customers;
		this.tokens = tokens;
		this.mails = mails;
		this.newPasswords = newPasswords;
		this.hashing = hashing;
		this.passwords = passwords;
		this.requestLimits = requestLimits;
		this.settings = credentials.reset();
		this.events = events;
		this.transaction = transaction;
		this.background = background;
		this.clock = clock;
	}

	/** The outcome of choosing a new password with a link. */
	public sealed interface RestoreOutcome {

		record Restored(CustomerId customer) implements RestoreOutcome {
		}

		record Rejected(List<Violation> violations) implements RestoreOutcome {
		}

		record LinkNotUsable(TokenCheck check) implements RestoreOutcome {
		}

	}

	/**
	 * Mails a reset link if the address has an account. Returns at once and answers
	 * nothing, whether or not it has one, so that neither the answer nor its time tells.
	 * Beyond the limits per address and per client nothing is sent.
	 */
	public void requestReset(String email, String clientAddress) {
		if (EmailAddress.problemWith(email).isPresent()) {
			return;
		}
		var address = EmailAddress.of(email);
		background.execute(() -> {
			if (!requestLimits.tryAcquire("reset-client", clientAddress, settings.maxRequestsPerClient(), HOUR)
					|| !requestLimits.tryAcquire("reset-email", address.normalized(), settings.maxRequestsPerEmail(),
							HOUR)) {
				return;
			}
			transaction.executeWithoutResult(status -> customers.findByEmail(address).ifPresent(customer -> {
				mails.passwordReset(CustomerRecipients.of(customer),
						tokens.issue(customer.id(), TokenPurpose.PASSWORD_RESET, settings.tokenValidity()),
						settings.tokenValidity());
				audit.record(AuditType.RESET_REQUESTED, customer.id().value(), AuditTrail.ANONYMOUS, clientAddress,
						null);
			}));
		});
	}

	/** What a reset link's token is, without using it up. */
	public TokenCheck check(String token) {
		return tokens.check(token, TokenPurpose.PASSWORD_RESET);
	}

	/**
	 * Sets the new password if the token is usable and the password meets the policy.
	 * Then every other token is void, the customer is signed out everywhere
	 * ({@link PasswordChanged}), and told by mail. A rejected password leaves the token
	 * usable.
	 */
	public RestoreOutcome restore(String token, String newPassword) {
		var check = check(token);
		if (!(check instanceof TokenCheck.Valid valid)) {
			return new RestoreOutcome.LinkNotUsable(check);
		}
		var customer = customers.find(valid.customer()).orElseThrow();
		var violations = newPasswords.check(customer, newPassword);
		if (!violations.isEmpty()) {
			return new RestoreOutcome.Rejected(violations);
		}
		var hash = hashing.hash(newPassword);
		return transaction.execute(status -> {
			var used = tokens.use(token, TokenPurpose.PASSWORD_RESET);
			if (!(used instanceof TokenCheck.Valid)) {
				return new RestoreOutcome.LinkNotUsable(used);
			}
			var now = clock.instant();
			passwords.store(customer.id().value(), hash, now);
			customers.markRegistered(customer.id());
			tokens.voidAll(customer.id());
			// The link reached its mailbox: the address is confirmed (a guest's account,
			// too).
			customers.confirm(customer.id());
			events.publishEvent(new PasswordChanged(customer.id(), now, true));
			mails.passwordChanged(CustomerRecipients.of(customer));
			audit.record(AuditType.RESET_COMPLETED, customer.id().value(), AuditTrail.CUSTOMER,
					AuditTrail.currentClientAddress(), null);
			return new RestoreOutcome.Restored(customer.id());
		});
	}

	/** How long a staff-created login link works (Kentico's "create login"). */
	static final Duration LOGIN_LINK_VALIDITY = Duration.ofHours(72);

	/** A customer staff created, and whether the login link went out. */
	public record CreatedByStaff(CustomerDetails customer, boolean loginLinkSent) {
	}

	/**
	 * Staff's "create customer": the account without a password and, when asked, the
	 * login link of {@link #sendLoginLink}, both on the record, all in one transaction.
	 * @throws InvalidInput when the data breaks a rule
	 * @throws EmailAlreadyRegistered when the address has an account
	 */
	public CreatedByStaff createCustomer(RegisterCustomer data, boolean sendLoginLink, AuditActor actor) {
		return Objects.requireNonNull(transaction.execute(status -> {
			var customer = customers.register(data);
			audit.record(AuditType.CUSTOMER_CREATED, customer.id().value(), actor, null);
			var sent = sendLoginLink && sendLoginLinkInTransaction(customer.id(), actor);
			return new CreatedByStaff(customer, sent);
		}));
	}

	/**
	 * Staff's "create login" for a customer without a password: a single-use link, valid
	 * 72 hours, to choose the first password, on the record in the same transaction.
	 * Returns false, sending nothing, when the customer has one.
	 */
	public boolean sendLoginLink(CustomerId customerId, AuditActor actor) {
		return Boolean.TRUE.equals(transaction.execute(status -> sendLoginLinkInTransaction(customerId, actor)));
	}

	private boolean sendLoginLinkInTransaction(CustomerId customerId, AuditActor actor) {
		var customer = customers.find(customerId).filter(c -> !c.anonymized());
		if (customer.isEmpty() || passwords.findHash(customerId.value()).isPresent()) {
			return false;
		}
		mails.loginCreated(CustomerRecipients.of(customer.get()),
				tokens.issue(customerId, TokenPurpose.PASSWORD_RESET, LOGIN_LINK_VALIDITY), LOGIN_LINK_VALIDITY);
		audit.record(AuditType.LOGIN_LINK_SENT, customerId.value(), actor, null);
		return true;
	}

	/**
	 * Staff's "send password reset link": the customer gets a link at once, no limits
	 * applied; on the record in the same transaction.
	 */
	public void sendResetLink(CustomerId customerId, AuditActor actor) {
		transaction.executeWithoutResult(
				status -> customers.find(customerId).filter(customer -> !customer.anonymized()).ifPresent(customer -> {
					mails.passwordReset(CustomerRecipients.of(customer),
							tokens.issue(customer.id(), TokenPurpose.PASSWORD_RESET, settings.tokenValidity()),
							settings.tokenValidity());
					audit.record(AuditType.RESET_LINK_SENT, customer.id().value(), actor, null);
				}));
	}

	/**
	 * Tells the owner that sign-ins to the account were blocked after repeated failures,
	 * with a link to choose a new password.
	 */
	public void sendLockoutNotice(CustomerId customerId, Duration blockedFor) {
		customers.find(customerId)
			.ifPresent(customer -> mails.accountLocked(CustomerRecipients.of(customer),
					tokens.issue(customer.id(), TokenPurpose.PASSWORD_RESET, settings.tokenValidity()),
					settings.tokenValidity(), blockedFor));
	}

}
