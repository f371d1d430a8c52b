package io.clientele.credentials;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerAnonymized;
import io.clientele.notification.MailQueue;

/**
 * A closed account keeps no password hash, no earlier hashes, no usable link and no mail
 * (Spryker keeps the hash; nothing needs it). The mail listener lives here because
 * notification knows no customers.
 */
@Component
class CredentialsCleanup {

	private final JdbcClient jdbc;

	private final MailQueue mails;

	CredentialsCleanup(JdbcClient jdbc, MailQueue mails) {
		this.jdbc = jdbc;
		this.mails = mails;
	}

	@EventListener
	void on(CustomerAnonymized event) {
		var owner = event.customerId().value();
		jdbc.sql("delete from credentials_password where owner_id = ?").param(owner).update();
		jdbc.sql("delete from credentials_password_history where owner_id = ?").param(owner).update();
		jdbc.sql("delete from credentials_token where customer_id = ?").param(owner).update();
		mails.forget(owner);
	}

}
