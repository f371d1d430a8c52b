package io.clientele.storefront;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.passkeys.PasskeyProblem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login page; Spring Security's form login processes the POST and the logout, and
 * {@link StorefrontPasskeyLogin} a passkey's answer.
 */
@Controller
class StorefrontLoginController {

	static final String BLOCKED_MINUTES = StorefrontLoginController.class.getName() + ".blockedMinutes";

	@GetMapping("/login")
	String login(@Nullable Authentication authentication,
			@RequestParam(name = StorefrontPasskeyLogin.PROBLEM_PARAMETER, required = false) @Nullable String problem,
			Model model) {
		if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal) {
			return "redirect:/customer/overview";
		}
		// only a problem we know becomes a message key
		Arrays.stream(PasskeyProblem.values())
			.filter(known -> known.name().equals(problem))
			.findFirst()
			.ifPresent(known -> model.addAttribute("passkeyProblem", known.messageKey()));
		return "storefront/login";
	}

	/** Reached only by forward from a blocked login: 429 and how long to wait. */
	@RequestMapping(path = "/login/blocked", method = { org.springframework.web.bind.annotation.RequestMethod.GET,
			org.springframework.web.bind.annotation.RequestMethod.POST })
	String blocked(HttpServletRequest request, HttpServletResponse response, Model model) {
		var minutes = request.getAttribute(BLOCKED_MINUTES);
		if (minutes == null) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("minutes", minutes);
		return "storefront/login-blocked";
	}

}
