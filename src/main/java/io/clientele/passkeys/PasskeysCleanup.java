package io.clientele.passkeys;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerAnonymized;

/** A closed account keeps no passkey and no user handle. */
@Component
class PasskeysCleanup {

	private final PasskeyStore store;

	PasskeysCleanup(PasskeyStore store) {
		this.store = store;
	}

	@EventListener
	void on(CustomerAnonymized event) {
		store.deleteAll(event.customerId().value());
	}

}
