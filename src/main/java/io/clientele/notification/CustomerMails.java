package io.clientele.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One method per mail a customer receives. Each writes the mail to the outbox in the
 * caller's transaction, rendered in the recipient's language (a mail with a link or a
 * password: its variables only, rendered when sent): if that transaction rolls back, no
 * mail exists; once it commits, the dispatcher sends it.
 */
@Component
public class CustomerMails {

	private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");

	private final MailTemplates templates;

	private final MailOutbox outbox;

	private final MailDispatcher dispatcher;

	private final PublicUrl publicUrl;

	private final Clock clock;

	CustomerMails(MailTemplates templates, MailOutbox outbox, MailDispatcher dispatcher, PublicUrl publicUrl,
			Clock clock) {
		this.templates = templates;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/** The account is ready: a confirmed registration. */
	public void welcome(Recipient recipient) {
		queue(MailType.WELCOME, recipient, Map.of("link", publicUrl.link("/login")));
	}

	/** Double opt-in: the link that confirms the address. */
	public void registrationConfirmation(Recipient recipient, String token, Duration validity) {
		queue(MailType.REGISTRATION_CONFIRMATION, recipient,
				Map.of("link", publicUrl.link("/register/confirm", "token", token), "hours", validity.toHours()));
	}

	/** Someone registered with an address that already has an account: tell its owner. */
	public void registrationAttempted(Recipient recipient, String resetToken, Duration validity) {
		queue(MailType.REGISTRATION_ATTEMPTED, recipient, Map.of("link",
				publicUrl.link("/password/restore", "token", resetToken), "minutes", validity.toMinutes()));
	}

	/** The link to choose a new password. */
	public void passwordReset(Recipient recipient, String token, Duration validity) {
		queue(MailType.PASSWORD_RESET, recipient,
				Map.of("link", publicUrl.link("/password/restore", "token", token), "minutes", validity.toMinutes()));
	}

	/**
	 * {@link #passwordReset} to many customers, each with their own token, in one
	 * statement; the mails are rendered when they are sent (and when staff view them).
	 */
	public void passwordResets(List<TokenRecipient> recipients, Duration validity) {
		queueAll(MailType.PASSWORD_RESET, recipients, "minutes", validity.toMinutes());
	}

	/** Staff created a login for the customer: the link to choose the first password. */
	public void loginCreated(Recipient recipient, String token, Duration validity) {
		queue(MailType.LOGIN_CREATED, recipient,
				Map.of("link", publicUrl.link("/password/restore", "token", token), "hours", validity.toHours()));
	}

	/**
	 * {@link #loginCreated} to many customers (those without a password), each with their
	 * own token, in one statement; rendered when sent.
	 */
	public void loginsCreated(List<TokenRecipient> recipients, Duration validity) {
		queueAll(MailType.LOGIN_CREATED, recipients, "hours", validity.toHours());
	}

	/**
	 * Staff generated a password for the customer: the password itself, valid for a
	 * while, to be changed at the login. Like every mail with a link, it is confidential:
	 * the back office shows it with a placeholder in place of the password.
	 */
	public void generatedPassword(Recipient recipient, String password, Duration validity) {
		queue(MailType.GENERATED_PASSWORD, recipient,
				Map.of("password", password, "link", publicUrl.link("/login"), "hours", validity.toHours()));
	}

	/**
	 * The password was changed or reset; if it was not the customer, they know whom to
	 * tell.
	 */
	public void passwordChanged(Recipient recipient) {
		queue(MailType.PASSWORD_CHANGED, recipient, Map.of("link", publicUrl.link("/password/forgotten")));
	}

	/** To the new address: the link that makes it the account's address. */
	public void emailChangeConfirmation(Recipient newAddress, String token, Duration validity) {
		queue(MailType.EMAIL_CHANGE_CONFIRMATION, newAddress,
				Map.of("link", publicUrl.link("/email/confirm", "token", token), "minutes", validity.toMinutes()));
	}

	/** To the old address: a change to another address was asked for. */
	public void emailChangeRequested(Recipient oldAddress, String newEmail) {
		queue(MailType.EMAIL_CHANGE_REQUESTED, oldAddress,
				Map.of("newEmail", newEmail, "link", publicUrl.link("/password/forgotten")));
	}

	/** To the old address: the account's address is another one now. */
	public void emailChanged(Recipient oldAddress, String newEmail) {
		queue(MailType.EMAIL_CHANGED, oldAddress, Map.of("newEmail", newEmail, "link", publicUrl.link("/login")));
	}

	/**
	 * The customer closed the account: the last mail to the old address, confirming that
	 * the personal data is gone.
	 */
	public void accountDeleted(Recipient recipient) {
		queue(MailType.ACCOUNT_DELETED, recipient, Map.of("link", publicUrl.link("/register")));
	}

	/**
	 * Sign-ins were blocked after repeated failures; the owner can reset the password.
	 */
	public void accountLocked(Recipient recipient, String resetToken, Duration validity, Duration blockedFor) {
		queue(MailType.ACCOUNT_LOCKED, recipient,
				Map.of("link", publicUrl.link("/password/restore", "token", resetToken), "minutes",
						validity.toMinutes(), "blockedMinutes", Math.max(1, blockedFor.toMinutes())));
	}

	/**
	 * A sign-in method was added to the account (second factors, passkeys);
	 * {@code method} names it: {@code email}, {@code totp} or {@code passkey}.
	 */
	public void signInMethodAdded(Recipient recipient, String method) {
		queue(MailType.SIGN_IN_METHOD_ADDED, recipient, Map.of("method", method));
	}

	/** A sign-in method was removed from the account; {@code method} as above. */
	public void signInMethodRemoved(Recipient recipient, String method) {
		queue(MailType.SIGN_IN_METHOD_REMOVED, recipient, Map.of("method", method));
	}

	/**
	 * The one-time code of the e-mail second factor. Like a password, it is confidential:
	 * never stored rendered, never shown to staff, never sent twice.
	 */
	public void secondFactorCode(Recipient recipient, String code, Duration validity) {
		queue(MailType.SECOND_FACTOR_CODE, recipient, Map.of("code", code, "minutes", validity.toMinutes()));
	}

	/** A recovery code was used to sign in or confirm an action; {@code left} remain. */
	public void recoveryCodeUsed(Recipient recipient, int left) {
		queue(MailType.RECOVERY_CODE_USED, recipient, Map.of("left", left));
	}

	/** Shop staff removed every second factor of the account (the owner lost them). */
	public void secondFactorsReset(Recipient recipient) {
		queue(MailType.SECOND_FACTORS_RESET, recipient, Map.of());
	}

	private void queue(MailType type, Recipient recipient, Map<String, Object> variables) {
		if (type.confidential()) {
			// No rendered copy of a link or a password is stored: the dispatcher renders
			// the mail when it sends it, and staff see it rendered with a placeholder.
			outbox.queueAll(type, List.of(new MailOutbox.DeferredMail(recipient, variables)), clock.instant());
		}
		else {
			outbox.queue(templates.render(type, recipient, variables), clock.instant());
		}
		dispatchAfterCommit();
	}

	private void queueAll(MailType type, List<TokenRecipient> recipients, String validityName, long validity) {
		// One encoded prefix serves every link whose token needs no encoding (base64url,
		// as every token Clientele issues).
		var restore = publicUrl.link("/password/restore", "token", "");
		var mails = new ArrayList<MailOutbox.DeferredMail>(recipients.size());
		for (var each : recipients) {
			var link = URL_SAFE.matcher(each.token()).matches() ? restore + each.token()
					: publicUrl.link("/password/restore", "token", each.token());
			mails.add(new MailOutbox.DeferredMail(each.recipient(), Map.of("link", link, validityName, validity)));
		}
		outbox.queueAll(type, mails, clock.instant());
		dispatchAfterCommit();
	}

	private void dispatchAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.dispatchSoon();
				}
			});
		}
		else {
			dispatcher.dispatchSoon();
		}
	}

}
