package io.clientele.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.orderhistory.OrderHistory;

/**
 * The shopper's order history (Spryker's {@code /customer/order}): 10 per page, newest
 * first, searchable by reference, and each order's details.
 */
@Controller
class StorefrontOrderController {

	static final int PAGE_SIZE = 10;

	private final OrderHistory orders;

	StorefrontOrderController(OrderHistory orders) {
		this.orders = orders;
	}

	@GetMapping("/customer/order")
	String list(@AuthenticationPrincipal CustomerPrincipal customer, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") String page, Model model) {
		var current = pageNumber(page);
		var found = orders.page(customer.id(), q, current * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("orders", found);
		model.addAttribute("q", q);
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		return "storefront/order/list";
	}

	@GetMapping("/customer/order/{reference}")
	String detail(@AuthenticationPrincipal CustomerPrincipal customer, @PathVariable String reference, Model model) {
		model.addAttribute("order", orders.find(customer.id(), reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "storefront/order/detail";
	}

	private static int pageNumber(String page) {
		try {
			return Math.max(0, Math.min(Integer.parseInt(page.strip()), 100_000));
		}
		catch (NumberFormatException notANumber) {
			return 0;
		}
	}

}
