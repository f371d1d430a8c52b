package io.clientele.credentials;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerAnonymized;

/**
 * A closed account keeps no password hash, no earlier hashes and no usable link (Spryker
 * keeps the hash; nothing needs it).
 */
@Component
class CredentialsCleanup {

	private final JdbcClient jdbc;

	CredentialsCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(CustomerAnonymized event) {
		var owner = event.customerId().value();
		jdbc.sql("delete from credentials_password where owner_id = ?").param(owner).update();
		jdbc.sql("delete from credentials_password_history where owner_id = ?").param(owner).update();
		jdbc.sql("delete from credentials_token where customer_id = ?").param(owner).update();
	}

}
