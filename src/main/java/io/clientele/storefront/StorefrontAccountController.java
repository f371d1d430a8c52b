package io.clientele.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.customer.CustomerManagement;

/** The signed-in customer's account area. */
@Controller
class StorefrontAccountController {

	private final CustomerManagement customers;

	StorefrontAccountController(CustomerManagement customers) {
		this.customers = customers;
	}

	@GetMapping("/customer/overview")
	String overview(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
		var customer = customers.find(principal.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("customer", customer);
		return "storefront/customer/overview";
	}

}
