package io.clientele.credentials;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.EmailAlreadyRegistered;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.notification.CustomerMails;
import io.clientele.notification.Recipient;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.Violation;

/**
 * A customer changes their e-mail address: the current password confirms the request, a
 * link valid 30 minutes goes to the new address and a notice to the old one; the address
 * changes only when the link is used, and then the old address is told. A newer request
 * (or a password change) voids an earlier link. Whether the new address has an account is
 * never told: then no link is sent.
 */
@Component
public class EmailChanges {

	/** How long the link to the new address works. */
	static final Duration LINK_VALIDITY = Duration.ofMinutes(30);

	private final CustomerManagement customers;

	private final PasswordManagement passwords;

	private final CustomerTokens tokens;

	private final CustomerMails mails;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	EmailChanges(CustomerManagement customers, PasswordManagement passwords, CustomerTokens tokens, CustomerMails mails,
			AuditTrail audit, TransactionTemplate transaction) {
		this.customers = customers;
		this.passwords = passwords;
		this.tokens = tokens;
		this.mails = mails;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** What became of a request. */
	public sealed interface RequestOutcome {

		/** The links are on their way (if the new address can be used at all). */
		record Requested() implements RequestOutcome {
		}

		record WrongPassword() implements RequestOutcome {
		}

		/** Too many failed password checks: the password was not checked. */
		record Blocked(java.time.Duration remaining) implements RequestOutcome {
		}

		/** The new address breaks a rule (field {@code email}). */
		record Rejected(List<Violation> violations) implements RequestOutcome {
		}

		/** The account has a second factor and its code did not come or was refused. */
		record SecondFactorRefused(SecondFactorCheck check) implements RequestOutcome {
		}

	}

	/**
	 * Asks for the new address after the current password, checked and counted like a
	 * login, and the second factor if the account has one.
	 */
	public RequestOutcome request(CustomerId customerId, String currentPassword, String newEmail, LoginAttempt attempt,
			SecondFactorProof proof) {
		var customer = customers.find(customerId).filter(c -> !c.anonymized()).orElseThrow();
		var problem = EmailAddress.problemWith(newEmail);
		if (problem.isPresent()) {
			return new RequestOutcome.Rejected(List.of(Violation.of("email", problem.get())));
		}
		var address = EmailAddress.of(newEmail);
		if (address.normalized().equals(customer.email().normalized())) {
			return new RequestOutcome.Rejected(List.of(Violation.of("email", "email-change.same")));
		}
		switch (passwords.confirmCurrent(customerId, currentPassword, attempt)) {
			case PasswordCheck.Blocked<?> blocked -> {
				return new RequestOutcome.Blocked(blocked.remaining());
			}
			case PasswordCheck.Failed<?> failed -> {
				return new RequestOutcome.WrongPassword();
			}
			case PasswordCheck.Passed<?> passed -> {
			}
		}
		var secondFactor = passwords.secondFactor(customer, proof);
		if (!secondFactor.satisfied()) {
			return new RequestOutcome.SecondFactorRefused(secondFactor);
		}
		transaction.executeWithoutResult(status -> {
			if (customers.findByEmail(address).isEmpty()) {
				var token = tokens.issueEmailChange(customerId, address.value(), LINK_VALIDITY);
				mails.emailChangeConfirmation(
						new Recipient(address, customer.fullName(), customer.locale().locale(), customerId.value()),
						token, LINK_VALIDITY);
			}
			mails.emailChangeRequested(CustomerRecipients.of(customer), address.value());
		});
		return new RequestOutcome.Requested();
	}

	/** What became of a link. */
	public sealed interface ConfirmOutcome {

		record Changed(CustomerId customer) implements ConfirmOutcome {
		}

		/** Expired, used, voided or unknown. */
		record LinkNotUsable(TokenCheck check) implements ConfirmOutcome {
		}

		/** Another account took the address meanwhile. */
		record AddressTaken() implements ConfirmOutcome {
		}

	}

	/** What a link's token is, without using it up. */
	public TokenCheck check(String token) {
		return tokens.check(token, TokenPurpose.EMAIL_CHANGE);
	}

	/**
	 * Uses the link: the new address becomes the account's, the old one is told, and
	 * every other unused link of the account is void.
	 */
	public ConfirmOutcome confirm(String token) {
		var newEmail = tokens.newEmail(token);
		return transaction.execute(status -> {
			var used = tokens.use(token, TokenPurpose.EMAIL_CHANGE);
			if (!(used instanceof TokenCheck.Valid valid) || newEmail.isEmpty()) {
				return new ConfirmOutcome.LinkNotUsable(used);
			}
			var before = customers.find(valid.customer()).orElseThrow();
			try {
				customers.changeEmail(valid.customer(), EmailAddress.of(newEmail.get()));
			}
			catch (EmailAlreadyRegistered taken) {
				status.setRollbackOnly();
				return new ConfirmOutcome.AddressTaken();
			}
			// links mailed to the old address (a reset, another change) stop working
			tokens.voidAll(valid.customer());
			mails.emailChanged(CustomerRecipients.of(before), newEmail.get());
			audit.record(AuditType.EMAIL_CHANGED, valid.customer().value(), AuditTrail.CUSTOMER,
					AuditTrail.currentClientAddress(), null);
			return new ConfirmOutcome.Changed(valid.customer());
		});
	}

}
