package io.clientele.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import io.clientele.address.AddressBook;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.customer.CustomerManagement;
import io.clientele.orderhistory.OrderHistory;

/** The signed-in customer's account area. */
@Controller
class StorefrontAccountController {

	private final CustomerManagement customers;

	private final AddressBook addresses;

	private final OrderHistory orders;

	StorefrontAccountController(CustomerManagement customers, AddressBook addresses, OrderHistory orders) {
		this.customers = customers;
		this.addresses = addresses;
		this.orders = orders;
	}

	@GetMapping("/customer/overview")
	String overview(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
		var customer = customers.find(principal.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var book = addresses.list(customer.id());
		model.addAttribute("customer", customer);
		model.addAttribute("billing", book.stream().filter(a -> a.defaultBilling()).findFirst().orElse(null));
		model.addAttribute("shipping", book.stream().filter(a -> a.defaultShipping()).findFirst().orElse(null));
		model.addAttribute("orders", orders.page(customer.id(), 0, 3));
		return "storefront/customer/overview";
	}

}
