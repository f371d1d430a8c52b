package io.clientele.storefront;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.CustomerLogin;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordManagement.ChangeOutcome;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.customer.CustomerManagement;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /customer/profile}: for now, changing the password. */
@Controller
class StorefrontProfileController {

	private final CustomerManagement customers;

	private final PasswordManagement passwords;

	private final PasswordPolicy policy;

	private final CustomerLogin logins;

	private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

	StorefrontProfileController(CustomerManagement customers, PasswordManagement passwords, PasswordPolicy policy,
			CustomerLogin logins) {
		this.customers = customers;
		this.passwords = passwords;
		this.policy = policy;
		this.logins = logins;
	}

	record ChangePasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
			@Nullable String newPasswordConfirmation) {

		static String text(@Nullable String value) {
			return value == null ? "" : value;
		}

	}

	@ModelAttribute
	void page(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
		model.addAttribute("customer",
				customers.find(principal.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("passwordStatus", principal.passwordStatus().name());
		model.addAttribute("passwordMinLength", policy.minLength());
		model.addAttribute("passwordMaxLength", policy.maxLength());
	}

	@GetMapping("/customer/profile")
	String profile(Model model) {
		model.addAttribute("changePasswordForm", new ChangePasswordForm(null, null, null));
		return "storefront/customer/profile";
	}

	@PostMapping("/customer/profile/password")
	String changePassword(@AuthenticationPrincipal CustomerPrincipal principal,
			@ModelAttribute ChangePasswordForm changePasswordForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var newPassword = ChangePasswordForm.text(changePasswordForm.newPassword());
		if (!newPassword.equals(ChangePasswordForm.text(changePasswordForm.newPasswordConfirmation()))) {
			result.rejectValue("newPasswordConfirmation", "password.mismatch");
			FormErrors.reject(result, passwords.checkNewPassword(principal.id(), newPassword),
					Map.of("password", "newPassword"));
			return "storefront/customer/profile";
		}
		var outcome = passwords.changePassword(principal.id(),
				ChangePasswordForm.text(changePasswordForm.currentPassword()), newPassword);
		switch (outcome) {
			case ChangeOutcome.WrongCurrentPassword wrong -> {
				result.rejectValue("currentPassword", "password.current-wrong");
				var customer = customers.find(principal.id()).orElseThrow();
				logins.recordFailure(customer.email().value(), request.getRemoteAddr());
			}
			case ChangeOutcome.Rejected rejected ->
				FormErrors.reject(result, rejected.violations(), Map.of("password", "newPassword"));
			case ChangeOutcome.Changed changed -> {
				rememberCompliantPassword(principal, request, response);
				redirect.addFlashAttribute("message", "password.changed");
				return "redirect:/customer/profile";
			}
		}
		return "storefront/customer/profile";
	}

	// The session's principal still says the password was outdated: it is not any more.
	private void rememberCompliantPassword(CustomerPrincipal principal, HttpServletRequest request,
			HttpServletResponse response) {
		var current = SecurityContextHolder.getContext().getAuthentication();
		Authentication updated = UsernamePasswordAuthenticationToken.authenticated(principal.withCompliantPassword(),
				null, current == null ? java.util.List.of() : current.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		securityContexts.saveContext(context, request, response);
	}

}
