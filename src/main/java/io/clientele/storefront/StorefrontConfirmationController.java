package io.clientele.storefront;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.credentials.Registrations;
import io.clientele.credentials.TokenCheck;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Double opt-in: {@code /register/confirm?token=…} and sending the link again. */
@Controller
class StorefrontConfirmationController {

	private final Registrations registrations;

	StorefrontConfirmationController(Registrations registrations) {
		this.registrations = registrations;
	}

	@GetMapping("/register/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		// The token is in this page's address: it must not travel on in a Referer header.
		response.setHeader("Referrer-Policy", "no-referrer");
		var check = registrations.confirm(token);
		if (check instanceof TokenCheck.Valid) {
			redirect.addFlashAttribute("message", "register.confirmed");
			return "redirect:/login";
		}
		model.addAttribute("problem", LinkProblem.of(check).messageKey());
		model.addAttribute("retryLink", "/register/resend");
		model.addAttribute("retryText", "register.resend.title");
		return "storefront/link-problem";
	}

	@GetMapping("/register/resend")
	String resendForm() {
		return "storefront/register-resend";
	}

	@PostMapping("/register/resend")
	String resend(@RequestParam(defaultValue = "") @Nullable String email, HttpServletRequest request,
			RedirectAttributes redirect) {
		registrations.resendConfirmation(email == null ? "" : email, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "register.resend.sent");
		return "redirect:/login";
	}

}
