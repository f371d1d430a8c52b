package io.clientele.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import io.clientele.address.AddressBook;
import io.clientele.authentication.DeviceCookies;
import io.clientele.authentication.LoginOutcome;
import io.clientele.credentials.PasswordCheck;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.credentials.AccountClosure;
import io.clientele.privacy.PersonalDataExport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.clientele.customer.CustomerManagement;
import io.clientele.orderhistory.OrderHistory;

/** The signed-in customer's account area. */
@Controller
class StorefrontAccountController {

	private final CustomerManagement customers;

	private final AddressBook addresses;

	private final OrderHistory orders;

	private final AccountClosure closure;

	private final PersonalDataExport exports;

	private final StorefrontSecondFactors secondFactors;

	StorefrontAccountController(CustomerManagement customers, AddressBook addresses, OrderHistory orders,
			AccountClosure closure, PersonalDataExport exports, StorefrontSecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.exports = exports;
		this.closure = closure;
		this.customers = customers;
		this.addresses = addresses;
		this.orders = orders;
	}

	record DeleteForm(@org.jspecify.annotations.Nullable String currentPassword,
			@org.jspecify.annotations.Nullable String secondFactorCode) {
	}

	@GetMapping("/customer/delete")
	String confirmDelete(@AuthenticationPrincipal CustomerPrincipal principal, HttpServletRequest request,
			Model model) {
		model.addAttribute("deleteForm", new DeleteForm(null, null));
		return renderDelete(principal, request, model);
	}

	// the form asks for a code unless the session is in its grace period
	private String renderDelete(CustomerPrincipal principal, HttpServletRequest request, Model model) {
		secondFactors.addPrompt(principal, request, model);
		return "storefront/customer/delete";
	}

	/**
	 * Closes the account after the current password confirms it, then signs the shopper
	 * out; a wrong password counts towards the lockout like a failed login.
	 */
	@PostMapping("/customer/delete")
	String delete(@AuthenticationPrincipal CustomerPrincipal principal, @ModelAttribute DeleteForm deleteForm,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model) {
		var password = deleteForm.currentPassword() == null ? "" : deleteForm.currentPassword();
		var checked = closure.close(principal.id(), password, DeviceCookies.attempt(request, DeviceCookies.CUSTOMER),
				StorefrontSecondFactors.proof(request, deleteForm.secondFactorCode()));
		if (checked instanceof AccountClosure.ClosureOutcome.SecondFactorRefused refused) {
			StorefrontSecondFactors.reject(result, StorefrontSecondFactors.FIELD, refused.check());
			return renderDelete(principal, request, model);
		}
		if (checked instanceof AccountClosure.ClosureOutcome.Blocked blocked) {
			response.setStatus(429);
			result.rejectValue("currentPassword", "password.current-blocked",
					new Object[] { LoginOutcome.wholeMinutes(blocked.remaining()) }, null);
			return renderDelete(principal, request, model);
		}
		if (checked instanceof AccountClosure.ClosureOutcome.WrongPassword) {
			result.rejectValue("currentPassword", "password.current-wrong");
			return renderDelete(principal, request, model);
		}
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
		return "redirect:/?account-deleted";
	}

	/**
	 * "Download my data": everything kept about the customer as a JSON file (a download,
	 * never shown in the page, never cached).
	 */
	@GetMapping("/customer/export")
	org.springframework.http.ResponseEntity<java.util.Map<String, Object>> export(
			@AuthenticationPrincipal CustomerPrincipal principal) {
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename("my-data-" + principal.customerReference() + ".json")
						.build()
						.toString())
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(exports.export(principal.id()));
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
