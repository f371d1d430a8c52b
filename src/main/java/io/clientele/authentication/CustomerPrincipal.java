package io.clientele.authentication;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

import io.clientele.credentials.PasswordManagement.PasswordStatus;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerLocale;

/**
 * The signed-in customer as the session keeps it. Its name is the customer id, so
 * sessions can be found and revoked per customer while no e-mail address is stored with
 * them.
 *
 * @param passwordStatus whether the password met the policy at login
 */
public record CustomerPrincipal(UUID customerId, String customerReference, String localeCode,
		PasswordStatus passwordStatus) implements AuthenticatedPrincipal, Serializable {

	public CustomerId id() {
		return new CustomerId(customerId);
	}

	public CustomerLocale locale() {
		return CustomerLocale.parse(localeCode).orElse(CustomerLocale.EN_US);
	}

	/** The same customer after a password change that meets the policy. */
	public CustomerPrincipal withCompliantPassword() {
		return new CustomerPrincipal(customerId, customerReference, localeCode, PasswordStatus.COMPLIANT);
	}

	/** The same customer after choosing another language. */
	public CustomerPrincipal withLocale(CustomerLocale locale) {
		return new CustomerPrincipal(customerId, customerReference, locale.code(), passwordStatus);
	}

	@Override
	public String getName() {
		return customerId.toString();
	}

}
