package io.clientele.credentials;

import io.clientele.customer.CustomerContact;
import io.clientele.customer.CustomerDetails;
import io.clientele.notification.Recipient;

final class CustomerRecipients {

	private CustomerRecipients() {
	}

	static Recipient of(CustomerDetails customer) {
		return new Recipient(customer.email(), customer.fullName(), customer.locale().locale(), customer.id().value());
	}

	static Recipient of(CustomerContact customer) {
		return new Recipient(customer.email(), customer.fullName(), customer.locale().locale(), customer.id().value());
	}

}
