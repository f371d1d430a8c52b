package io.clientele.customer;

import io.clientele.shared.EmailAddress;

/**
 * What it takes to write to a customer: the address, the name and the language. Read by
 * the hundred thousand for bulk mails, where {@link CustomerDetails} would carry too
 * much.
 */
public record CustomerContact(CustomerId id, EmailAddress email, String firstName, String lastName,
		CustomerLocale locale) {

	public String fullName() {
		return firstName + " " + lastName;
	}

}
