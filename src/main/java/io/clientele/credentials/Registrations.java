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

	private final CustomerMails mails;

	private final RegistrationSettings settings;

	private final CredentialsSettings.Reset limits;

	private final RequestLimits requestLimits;

	private final TransactionTemplate transaction;

	private final TaskExecutor background;

	Registrations(CustomerManagement customers, CustomerTokens tokens, CustomerMails mails,
			RegistrationSettings settings, CredentialsSettings credentials, RequestLimits requestLimits,
			TransactionTemplate transaction, @Qualifier("applicationTaskExecutor") TaskExecutor background) {
		this.customers = customers;
		this.tokens = tokens;
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

	/**
	 * Confirms the address the token was sent to and welcomes the customer. The token
	 * works once; anything else is reported as what it is.
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
