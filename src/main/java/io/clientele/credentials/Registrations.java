package io.clientele.credentials;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.customer.CustomerManagement;
import io.clientele.notification.CustomerMails;
import io.clientele.shared.EmailAddress;

/** Double opt-in: confirming a new account's address, and sending the link again. */
@Component
public class Registrations {

	private static final Duration HOUR = Duration.ofHours(1);

	private final CustomerManagement customers;

	private final CustomerTokens tokens;

	private final PasswordManagement passwords;

	private final CustomerMails mails;

	private final RegistrationSettings settings;

	private final CredentialsSettings.Reset limits;

	private final RequestLimits requestLimits;

	private final TransactionTemplate transaction;

	private final TaskExecutor background;

	Registrations(CustomerManagement customers, CustomerTokens tokens, PasswordManagement passwords,
			CustomerMails mails, RegistrationSettings settings, CredentialsSettings credentials,
			RequestLimits requestLimits, TransactionTemplate transaction,
			@Qualifier("applicationTaskExecutor") TaskExecutor background) {
		this.customers = customers;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mails = mails;
		this.settings = settings;
		this.limits = credentials.reset();
		this.requestLimits = requestLimits;
		this.transaction = transaction;
		this.background = background;
	}

	/** Whether new accounts must confirm their address before they can log in. */
	public boolean doubleOptIn() {
		return settings.doubleOptIn();
	}

	/** What a confirmation with the account's password did. */
	public enum ConfirmationOutcome {

		/** The address is confirmed; the customer is welcomed and may log in. */
		CONFIRMED,
		/** The password was not the account's; nothing changed, the link still works. */
		WRONG_PASSWORD,
		/** The link is expired, used, voided or unknown; nothing was checked. */
		INVALID_TOKEN,
		/** Too many failed attempts on the account; the password was not checked. */
		BLOCKED

	}

	/** What the confirmation token is, without using it up or changing anything. */
	public TokenCheck check(String token) {
		return tokens.check(token, TokenPurpose.REGISTRATION_CONFIRMATION);
	}

	/**
	 * The storefront's confirmation: the token proves the mailbox, the password proves
	 * that whoever holds the mailbox also registered the account. Both are needed, so a
	 * link opened by a mail scanner, or by the owner of an address someone else
	 * registered, confirms nothing. A wrong password leaves the token usable.
	 */
	public ConfirmationOutcome confirm(String token, String password, LoginAttempt attempt) {
		if (!(check(token) instanceof TokenCheck.Valid valid)) {
			return ConfirmationOutcome.INVALID_TOKEN;
		}
		// checked and counted like a login: the lockout is consulted before hashing
		switch (passwords.confirmCurrent(valid.customer(), password, attempt)) {
			case PasswordCheck.Blocked<?> blocked -> {
				return ConfirmationOutcome.BLOCKED;
			}
			case PasswordCheck.Failed<?> failed -> {
				return ConfirmationOutcome.WRONG_PASSWORD;
			}
			case PasswordCheck.Passed<?> passed -> {
			}
		}
		return transaction.execute(status -> {
			// used up only now, atomically: of two concurrent confirmations one wins
			if (!(tokens.use(token, TokenPurpose.REGISTRATION_CONFIRMATION) instanceof TokenCheck.Valid used)
					|| !used.customer().equals(valid.customer())) {
				return ConfirmationOutcome.INVALID_TOKEN;
			}
			var customer = customers.confirm(used.customer());
			mails.welcome(CustomerRecipients.of(customer));
			return ConfirmationOutcome.CONFIRMED;
		});
	}

	/**
	 * Glue's {@code POST /customer-confirmation}: confirms with the token alone, as
	 * Spryker does (docs/api.md says why this is no weaker for a mail scanner), and
	 * welcomes the customer. The token works once; anything else is reported as what it
	 * is.
	 */
	public TokenCheck confirm(String token) {
		return transaction.execute(status -> {
			var check = tokens.use(token, TokenPurpose.REGISTRATION_CONFIRMATION);
			if (check instanceof TokenCheck.Valid valid) {
				var customer = customers.confirm(valid.customer());
				mails.welcome(CustomerRecipients.of(customer));
			}
			return check;
		});
	}

	/**
	 * Sends a new confirmation link if the address has an unconfirmed account. Returns at
	 * once and answers nothing, so that no caller learns whether the address has an
	 * account; the same limits as for password resets apply.
	 */
	public void resendConfirmation(String email, String clientAddress) {
		if (EmailAddress.problemWith(email).isPresent()) {
			return;
		}
		var address = EmailAddress.of(email);
		background.execute(() -> {
			if (!requestLimits.tryAcquire("confirm-email", address.normalized(), limits.maxRequestsPerEmail(), HOUR)
					|| !requestLimits.tryAcquire("confirm-client", clientAddress, limits.maxRequestsPerClient(),
							HOUR)) {
				return;
			}
			transaction.executeWithoutResult(status -> customers.findByEmail(address)
				.filter(customer -> !customer.confirmed())
				.ifPresent(customer -> mails.registrationConfirmation(
						CustomerRecipients.of(customer), tokens.issue(customer.id(),
								TokenPurpose.REGISTRATION_CONFIRMATION, settings.confirmationValidity()),
						settings.confirmationValidity())));
		});
	}

}
