package io.clientele.authentication;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerLocale;

/**
 * The signed-in customer as the session keeps it. Its name is the customer id, so
 * sessions can be found and revoked per customer while no e-mail address is stored with
 * them.
 */
public record CustomerPrincipal(UUID customerId, String customerReference,
		String localeCode) implements AuthenticatedPrincipal, Serializable {

	public CustomerId id() {
		return new CustomerId(customerId);
	}

	public CustomerLocale locale() {
		return CustomerLocale.parse(localeCode).orElse(CustomerLocale.EN_US);
	}

	@Override
	public String getName() {
		return customerId.toString();
	}

}
