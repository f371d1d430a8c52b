package io.clientele.backoffice;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import io.clientele.authentication.CustomerLogin;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;

/**
 * What every tab of the customer page needs: the customer of the path (or a 404 page),
 * its status, and the tab's frame.
 */
@Component
class BackofficeCustomers {

	private final CustomerManagement customers;

	private final CustomerLogin login;

	BackofficeCustomers(CustomerManagement customers, CustomerLogin login) {
		this.customers = customers;
		this.login = login;
	}

	/** The customer of a reference, closed accounts included (their orders stay). */
	CustomerDetails find(String reference) {
		return customers.findByReference(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The customer of a reference whose account is open: staff can act on it. */
	CustomerDetails open(String reference) {
		var customer = find(reference);
		if (customer.anonymized()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return customer;
	}

	/** Adds what the tab frame shows and returns the tab's view. */
	String tab(CustomerDetails customer, String tab, Model model) {
		model.addAttribute("customer", customer);
		model.addAttribute("tab", tab);
		var lockedOut = login.isLockedOut(customer.email().value());
		model.addAttribute("lockedOut", lockedOut);
		model.addAttribute("loginStatus", statusOf(customer, lockedOut));
		return "backoffice/customer/" + tab;
	}

	Set<CustomerId> lockedCustomers() {
		return Set.copyOf(login.lockedCustomers());
	}

	/** The status's message key: blocked, locked, confirmed or unconfirmed. */
	static String statusOf(CustomerDetails customer, boolean lockedOut) {
		if (customer.anonymized()) {
			return "backoffice.status.deleted";
		}
		return customer.blocked() ? "backoffice.status.blocked" : lockedOut ? "backoffice.status.locked"
				: customer.confirmed() ? "backoffice.status.confirmed" : "backoffice.status.unconfirmed";
	}

}
