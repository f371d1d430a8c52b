package io.clientele.storefront;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.credentials.EmailChanges;
import io.clientele.credentials.TokenCheck;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The link of an e-mail change, {@code /email/confirm?token=…}: the page asks for one
 * click (a mail scanner fetching the link changes nothing), then the address changes. The
 * link works in any browser, signed in or not: it proves the new mailbox, and the request
 * was made by the signed-in customer with their password.
 */
@Controller
class StorefrontEmailChangeController {

	private final EmailChanges emailChanges;

	StorefrontEmailChangeController(EmailChanges emailChanges) {
		this.emailChanges = emailChanges;
	}

	@GetMapping("/email/confirm")
	String confirmPage(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		// The token is in this page's address: it must not travel on in a Referer header.
		response.setHeader("Referrer-Policy", "no-referrer");
		var check = emailChanges.check(token);
		if (!(check instanceof TokenCheck.Valid)) {
			return problem(LinkProblem.of(check).messageKey(), model);
		}
		model.addAttribute("token", token);
		return "storefront/email-confirm";
	}

	@PostMapping("/email/confirm")
	String confirm(@RequestParam(defaultValue = "") String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal principal, Model model, RedirectAttributes redirect) {
		return switch (emailChanges.confirm(token)) {
			case EmailChanges.ConfirmOutcome.Changed changed -> {
				// a browser signed in as this customer stays so; any other logs in anew
				var signedIn = principal != null && principal.id().equals(changed.customer());
				redirect.addFlashAttribute("message", signedIn ? "email-change.done-signed-in" : "email-change.done");
				yield signedIn ? "redirect:/customer/profile" : "redirect:/login";
			}
			case EmailChanges.ConfirmOutcome.AddressTaken taken -> problem("email-change.taken", model);
			case EmailChanges.ConfirmOutcome.LinkNotUsable notUsable ->
				problem(LinkProblem.of(notUsable.check()).messageKey(), model);
		};
	}

	private static String problem(String messageKey, Model model) {
		model.addAttribute("problem", messageKey);
		model.addAttribute("retryLink", "/customer/profile");
		model.addAttribute("retryText", "email-change.retry");
		return "storefront/link-problem";
	}

}
