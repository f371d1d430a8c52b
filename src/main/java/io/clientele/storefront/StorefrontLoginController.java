package io.clientele.storefront;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.clientele.authentication.CustomerPrincipal;

/** The login page; Spring Security's form login processes the POST and the logout. */
@Controller
class StorefrontLoginController {

	@GetMapping("/login")
	String login(@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal) {
			return "redirect:/customer/overview";
		}
		return "storefront/login";
	}

}
