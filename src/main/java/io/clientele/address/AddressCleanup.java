package io.clientele.address;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerAnonymized;

/** A closed account's addresses are deleted, in the transaction that closes it. */
@Component
class AddressCleanup {

	private final JdbcClient jdbc;

	AddressCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(CustomerAnonymized event) {
		jdbc.sql("delete from address_entry where customer_id = ?").param(event.customerId().value()).update();
	}

}
