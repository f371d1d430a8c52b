package io.clientele.storefront;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.credentials.Registrations;
import io.clientele.credentials.SignUp;
import io.clientele.credentials.SignUpOutcome;
import io.clientele.customer.CustomerLocale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /register}. A new address and one that already has an account get the same
 * redirect and the same message, and beyond the registration limits the same 429 page, so
 * the page never tells whether an address is registered.
 */
@Controller
class StorefrontRegistrationController {

	private static final Set<String> FORM_FIELDS = Set.of("salutation", "firstName", "lastName", "email", "password");

	private final SignUp signUp;

	private final PasswordPolicy passwordPolicy;

	private final Registrations registrations;

	StorefrontRegistrationController(SignUp signUp, PasswordPolicy passwordPolicy, Registrations registrations) {
		this.signUp = signUp;
		this.passwordPolicy = passwordPolicy;
		this.registrations = registrations;
	}

	@ModelAttribute
	void passwordLimits(Model model) {
		model.addAttribute("passwordMinLength", passwordPolicy.minLength());
		model.addAttribute("passwordMaxLength", passwordPolicy.maxLength());
	}

	@GetMapping("/register")
	String form(@Nullable Authentication authentication, Model model) {
		if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal) {
			return "redirect:/customer/overview";
		}
		model.addAttribute("registerForm", RegisterForm.empty());
		return "storefront/register";
	}

	@PostMapping("/register")
	String register(@ModelAttribute RegisterForm registerForm, BindingResult result, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		var customer = registerForm.toCommand(CustomerLocale.closestTo(locale).code());
		FormErrors.reject(result, signUp.check(customer, registerForm.passwordText()), FORM_FIELDS);
		if (!registerForm.passwordsMatch()) {
			result.rejectValue("passwordConfirmation", "password.mismatch");
		}
		if (!registerForm.termsAccepted()) {
			result.rejectValue("acceptTerms", "terms.required");
		}
		if (result.hasErrors()) {
			return "storefront/register";
		}
		if (signUp.register(customer, registerForm.passwordText(),
				request.getRemoteAddr()) instanceof SignUpOutcome.TooManyRegistrations limited) {
			// the same page for a known and an unknown address: the limit counts both
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfter().toSeconds()));
			model.addAttribute("minutes", (limited.retryAfter().toSeconds() + 59) / 60);
			return "storefront/register-limited";
		}
		// The same message whether the address was new or taken.
		redirect.addFlashAttribute("message", registrations.doubleOptIn() ? "register.check-email" : "register.done");
		return "redirect:/login";
	}

}
