package io.clientele.credentials;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.notification.CustomerMails;
import io.clientele.notification.MailQueue;
import io.clientele.notification.MailStatus;
import io.clientele.notification.MailType;
import io.clientele.notification.Recipient;
import io.clientele.shared.EmailAddress;

/**
 * Staff's "send again" of a customer's mail. A mail with a link is never sent twice: the
 * customer gets a new mail with a new link of the same kind, the old link stops working,
 * and the old mail is withdrawn if it has not gone out. Any other unsent mail is retried
 * as it is. Every resend is audited in the staff member's name.
 */
@Component
public class MailResends {

	/** What became of a resend. */
	public enum Outcome {

		/** The mail is queued again as it was. */
		RETRIED,
		/** A new mail with a new link is on its way; the old link is void. */
		NEW_LINK_SENT, UNKNOWN_MAIL,
		/** The mail holds a password: generate a new one instead. */
		HOLDS_A_PASSWORD,
		/** A sent mail keeps no content to send again. */
		CONTENT_GONE,
		/** A dispatcher is sending it right now. */
		BEING_SENT,
		/** The mail's customer is unknown or their account closed. */
		CUSTOMER_GONE,
		/** A confirmation link for an address that is confirmed already. */
		ALREADY_CONFIRMED,
		/** A login link for a customer who chose a password meanwhile. */
		HAS_PASSWORD,
		/**
		 * An e-mail change link whose change was confirmed, replaced or voided, or whose
		 * address another account took.
		 */
		EMAIL_CHANGE_NOT_PENDING

	}

	private final MailQueue queue;

	private final CustomerMails mails;

	private final CustomerManagement customers;

	private final CustomerTokens tokens;

	private final PasswordRepository passwords;

	private final CredentialsSettings.Reset reset;

	private final RegistrationSettings registration;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	MailResends(MailQueue queue, CustomerMails mails, CustomerManagement customers, CustomerTokens tokens,
			PasswordRepository passwords, CredentialsSettings credentials, RegistrationSettings registration,
			AuditTrail audit, TransactionTemplate transaction) {
		this.queue = queue;
		this.mails = mails;
		this.customers = customers;
		this.tokens = tokens;
		this.passwords = passwords;
		this.reset = credentials.reset();
		this.registration = registration;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** Sends the mail again on the staff member's behalf (see the class comment). */
	public Outcome resend(UUID mailId, AuditActor staff) {
		return transaction.execute(status -> {
			var found = queue.find(mailId);
			if (found.isEmpty()) {
				return Outcome.UNKNOWN_MAIL;
			}
			var mail = found.get();
			if (!mail.type().carriesLink()) {
				return retry(mail, staff);
			}
			var customer = mail.customerId() == null ? null
					: customers.find(new CustomerId(mail.customerId())).filter(c -> !c.anonymized()).orElse(null);
			if (customer == null) {
				return Outcome.CUSTOMER_GONE;
			}
			var outcome = newLink(mail, customer);
			if (outcome == Outcome.NEW_LINK_SENT) {
				// its link is void now; a lockout notice still goes out, for its news
				queue.withdraw(mailId);
				audit.record(AuditType.MAIL_RESENT, customer.id().value(), staff, mail.type().name() + ": a new link");
			}
			return outcome;
		});
	}

	private Outcome retry(MailQueue.QueuedMail mail, AuditActor staff) {
		if (mail.type().confidential()) {
			return Outcome.HOLDS_A_PASSWORD;
		}
		if (!queue.retry(mail.id())) {
			return mail.status() == MailStatus.SENT ? Outcome.CONTENT_GONE : Outcome.BEING_SENT;
		}
		audit.record(AuditType.MAIL_RESENT, mail.customerId(), staff, mail.type().name());
		return Outcome.RETRIED;
	}

	private Outcome newLink(MailQueue.QueuedMail mail, CustomerDetails customer) {
		var recipient = CustomerRecipients.of(customer);
		switch (mail.type()) {
			case PASSWORD_RESET, ACCOUNT_LOCKED,
					REGISTRATION_ATTEMPTED ->
				mails.passwordReset(recipient,
						tokens.issue(customer.id(), TokenPurpose.PASSWORD_RESET, reset.tokenValidity()),
						reset.tokenValidity());
			case LOGIN_CREATED -> {
				if (passwords.findHash(customer.id().value()).isPresent()) {
					return Outcome.HAS_PASSWORD;
				}
				mails.loginCreated(recipient,
						tokens.issue(customer.id(), TokenPurpose.PASSWORD_RESET, PasswordResets.LOGIN_LINK_VALIDITY),
						PasswordResets.LOGIN_LINK_VALIDITY);
			}
			case REGISTRATION_CONFIRMATION -> {
				if (customer.confirmed()) {
					return Outcome.ALREADY_CONFIRMED;
				}
				mails.registrationConfirmation(recipient, tokens.issue(customer.id(),
						TokenPurpose.REGISTRATION_CONFIRMATION, registration.confirmationValidity()),
						registration.confirmationValidity());
			}
			case EMAIL_CHANGE_CONFIRMATION -> {
				// only the change still waiting, to the address this mail went to
				var pending = tokens.pendingEmailChange(customer.id())
					.filter(address -> address.equalsIgnoreCase(mail.recipient()))
					.map(EmailAddress::of)
					.filter(address -> customers.findByEmail(address).isEmpty());
				if (pending.isEmpty()) {
					return Outcome.EMAIL_CHANGE_NOT_PENDING;
				}
				mails.emailChangeConfirmation(
						new Recipient(pending.get(), customer.fullName(), customer.locale().locale(),
								customer.id().value()),
						tokens.issueEmailChange(customer.id(), pending.get().value(), EmailChanges.LINK_VALIDITY),
						EmailChanges.LINK_VALIDITY);
			}
			default -> throw new IllegalStateException("No link in a mail of type " + mail.type());
		}
		return Outcome.NEW_LINK_SENT;
	}

}
