package io.clientele.storefront;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.authentication.CustomerSessions;

/**
 * The customer's active sessions (browser, client address, last use), each with "sign
 * out", and "sign out everywhere else".
 */
@Controller
class StorefrontSessionController {

	private final CustomerSessions sessions;

	StorefrontSessionController(CustomerSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/customer/sessions")
	String list(@AuthenticationPrincipal CustomerPrincipal customer, Model model) {
		model.addAttribute("sessions", sessions.of(customer.id()));
		return "storefront/customer/sessions";
	}

	@PostMapping("/customer/sessions/{handle}/sign-out")
	String signOut(@AuthenticationPrincipal CustomerPrincipal customer, @PathVariable String handle,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("message",
				sessions.signOut(customer.id(), handle) ? "sessions.signed-out" : "sessions.gone");
		return "redirect:/customer/sessions";
	}

	@PostMapping("/customer/sessions/sign-out-others")
	String signOutOthers(@AuthenticationPrincipal CustomerPrincipal customer, RedirectAttributes redirect) {
		sessions.signOutEverywhereElse(customer.id());
		redirect.addFlashAttribute("message", "sessions.others-signed-out");
		return "redirect:/customer/sessions";
	}

}
