package io.clientele.storefront;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.DeviceCookies;
import io.clientele.credentials.Registrations;
import io.clientele.credentials.TokenCheck;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Double opt-in: {@code /register/confirm?token=…} asks for the account's password and
 * confirms only when that form is posted; and sending the link again.
 */
@Controller
class StorefrontConfirmationController {

	private final Registrations registrations;

	StorefrontConfirmationController(Registrations registrations) {
		this.registrations = registrations;
	}

	/**
	 * Only shows the page: opening the link (a person, or a mail scanner fetching it)
	 * changes nothing and leaves the link usable.
	 */
	@GetMapping("/register/confirm")
	String confirmPage(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		// The token is in this page's address: it must not travel on in a Referer header.
		response.setHeader("Referrer-Policy", "no-referrer");
		var check = registrations.check(token);
		if (!(check instanceof TokenCheck.Valid)) {
			return problem(check, model);
		}
		model.addAttribute("token", token);
		return "storefront/register-confirm";
	}

	@PostMapping("/register/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		response.setHeader("Referrer-Policy", "no-referrer");
		return switch (registrations.confirm(token, password, DeviceCookies.attempt(request, DeviceCookies.CUSTOMER))) {
			case CONFIRMED -> {
				redirect.addFlashAttribute("message", "register.confirmed");
				yield "redirect:/login";
			}
			case WRONG_PASSWORD -> {
				model.addAttribute("token", token);
				model.addAttribute("wrongPassword", true);
				yield "storefront/register-confirm";
			}
			case BLOCKED -> {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("token", token);
				model.addAttribute("blocked", true);
				yield "storefront/register-confirm";
			}
			case INVALID_TOKEN -> problem(registrations.check(token), model);
		};
	}

	private static String problem(TokenCheck check, Model model) {
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
