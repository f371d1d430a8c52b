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

import io.clientele.authentication.DeviceCookies;
import io.clientele.authentication.LoginOutcome;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.credentials.EmailChanges;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordManagement.ChangeOutcome;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.customer.ChangeProfile;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.InvalidInput;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /customer/profile}: the signed-in customer's contact details, preferences,
 * password and the request to change the e-mail address.
 */
@Controller
class StorefrontProfileController {

	private final CustomerManagement customers;

	private final PasswordManagement passwords;

	private final PasswordPolicy policy;

	private final EmailChanges emailChanges;

	private final StorefrontSecondFactors secondFactors;

	private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

	StorefrontProfileController(CustomerManagement customers, PasswordManagement passwords, PasswordPolicy policy,
			EmailChanges emailChanges, StorefrontSecondFactors secondFactors) {
		this.emailChanges = emailChanges;
		this.secondFactors = secondFactors;
		this.customers = customers;
		this.passwords = passwords;
		this.policy = policy;
	}

	record ChangePasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
			@Nullable String newPasswordConfirmation, @Nullable String secondFactorCode) {
	}

	@ModelAttribute
	void page(@AuthenticationPrincipal CustomerPrincipal principal, Model model) {
		model.addAttribute("customer",
				customers.find(principal.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("passwordStatus", principal.passwordStatus().name());
		// the customer's own minimum: lower once they have a second factor
		model.addAttribute("passwordMinLength", passwords.minLengthFor(principal.id()));
		model.addAttribute("passwordMaxLength", policy.maxLength());
		model.addAttribute("singleFactorMinLength", policy.minLength(false));
		model.addAttribute("secondFactorMinLength", policy.minLength(true));
	}

	/** The contact details as typed. */
	record DetailsForm(@Nullable String salutation, @Nullable String firstName, @Nullable String lastName,
			@Nullable String dateOfBirth, @Nullable String phone, @Nullable String company) {

		static DetailsForm of(CustomerDetails customer) {
			return new DetailsForm(customer.salutation() == null ? "" : customer.salutation().name(),
					customer.firstName(), customer.lastName(),
					customer.dateOfBirth() == null ? "" : customer.dateOfBirth().toString(),
					customer.phone() == null ? "" : customer.phone(),
					customer.company() == null ? "" : customer.company());
		}

	}

	/** The preferences as chosen. */
	record PreferencesForm(@Nullable String locale, @Nullable String shippingMethod,
			@Nullable Boolean marketingConsent) {

		static PreferencesForm of(CustomerDetails customer) {
			return new PreferencesForm(customer.locale().code(), customer.preferredShippingMethod(),
					customer.marketingConsent());
		}

	}

	@GetMapping("/customer/profile")
	String profile(@AuthenticationPrincipal CustomerPrincipal principal, HttpServletRequest request, Model model) {
		return render(principal, request, model);
	}

	// Every form of the page, each as typed where it was just sent; the password and
	// e-mail forms ask for a code unless the session is in its grace period.
	private String render(CustomerPrincipal principal, HttpServletRequest request, Model model) {
		var customer = (CustomerDetails) model.getAttribute("customer");
		secondFactors.addPrompt(principal, request, model);
		if (!model.containsAttribute("changePasswordForm")) {
			model.addAttribute("changePasswordForm", new ChangePasswordForm(null, null, null, null));
		}
		if (!model.containsAttribute("detailsForm")) {
			model.addAttribute("detailsForm", DetailsForm.of(customer));
		}
		if (!model.containsAttribute("emailForm")) {
			model.addAttribute("emailForm", new EmailForm("", null, null));
		}
		if (!model.containsAttribute("preferencesForm")) {
			model.addAttribute("preferencesForm", PreferencesForm.of(customer));
		}
		model.addAttribute("shippingMethods", customers.shippingMethods());
		return "storefront/customer/profile";
	}

	@PostMapping("/customer/profile/details")
	String changeDetails(@AuthenticationPrincipal CustomerPrincipal principal, @ModelAttribute DetailsForm detailsForm,
			BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		java.time.LocalDate dateOfBirth = null;
		var date = detailsForm.dateOfBirth() == null ? "" : detailsForm.dateOfBirth().strip();
		if (!date.isEmpty()) {
			// the form checks the format; the customer's rules check the range
			try {
				dateOfBirth = java.time.LocalDate.parse(date);
			}
			catch (java.time.format.DateTimeParseException ex) {
				result.rejectValue("dateOfBirth", "date-of-birth.invalid");
			}
		}
		var changes = new ChangeProfile(text(detailsForm.salutation()), text(detailsForm.firstName()),
				text(detailsForm.lastName()), null, dateOfBirth, text(detailsForm.phone()),
				text(detailsForm.company()));
		if (result.hasErrors()) {
			return render(principal, request, model);
		}
		try {
			customers.changeProfile(principal.id(), changes);
			redirect.addFlashAttribute("message", "profile.details-saved");
			return "redirect:/customer/profile";
		}
		catch (InvalidInput ex) {
			FormErrors.reject(result, ex.violations(),
					java.util.Set.of("salutation", "firstName", "lastName", "dateOfBirth", "phone", "company"));
		}
		return render(principal, request, model);
	}

	/** The e-mail change form as typed. */
	record EmailForm(@Nullable String email, @Nullable String currentPassword, @Nullable String secondFactorCode) {
	}

	@PostMapping("/customer/profile/email")
	String changeEmail(@AuthenticationPrincipal CustomerPrincipal principal, @ModelAttribute EmailForm emailForm,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		var outcome = emailChanges.request(principal.id(), text(emailForm.currentPassword()),
				text(emailForm.email()).strip(), DeviceCookies.attempt(request, DeviceCookies.CUSTOMER),
				StorefrontSecondFactors.proof(request, emailForm.secondFactorCode()));
		switch (outcome) {
			case EmailChanges.RequestOutcome.Requested requested -> {
				redirect.addFlashAttribute("message", "email-change.requested");
				redirect.addFlashAttribute("messageArgument", text(emailForm.email()).strip());
				return "redirect:/customer/profile";
			}
			case EmailChanges.RequestOutcome.WrongPassword wrong ->
				result.rejectValue("currentPassword", "password.current-wrong");
			case EmailChanges.RequestOutcome.Blocked blocked -> {
				response.setStatus(429);
				result.rejectValue("currentPassword", "password.current-blocked",
						new Object[] { LoginOutcome.wholeMinutes(blocked.remaining()) }, null);
			}
			case EmailChanges.RequestOutcome.Rejected rejected ->
				FormErrors.reject(result, rejected.violations(), java.util.Set.of("email"));
			case EmailChanges.RequestOutcome.SecondFactorRefused refused ->
				StorefrontSecondFactors.reject(result, StorefrontSecondFactors.FIELD, refused.check());
		}
		return render(principal, request, model);
	}

	@PostMapping("/customer/profile/preferences")
	String changePreferences(@AuthenticationPrincipal CustomerPrincipal principal,
			@ModelAttribute PreferencesForm preferencesForm, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var changed = customers.changePreferences(principal.id(), text(preferencesForm.locale()),
					preferencesForm.shippingMethod(), Boolean.TRUE.equals(preferencesForm.marketingConsent()));
			// the pages follow the new language at once, the mails from now on
			remember(principal.withLocale(changed.locale()), request, response);
		}
		catch (InvalidInput ex) {
			FormErrors.reject(result, ex.violations(), java.util.Set.of("locale", "shippingMethod"));
			return render(principal, request, model);
		}
		redirect.addFlashAttribute("message", "profile.preferences-saved");
		return "redirect:/customer/profile";
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	@PostMapping("/customer/profile/password")
	String changePassword(@AuthenticationPrincipal CustomerPrincipal principal,
			@ModelAttribute ChangePasswordForm changePasswordForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		var newPassword = text(changePasswordForm.newPassword());
		if (!newPassword.equals(text(changePasswordForm.newPasswordConfirmation()))) {
			result.rejectValue("newPasswordConfirmation", "password.mismatch");
			FormErrors.reject(result, passwords.checkNewPassword(principal.id(), newPassword),
					Map.of("password", "newPassword"));
			return render(principal, request, model);
		}
		var outcome = passwords.changePassword(principal.id(), text(changePasswordForm.currentPassword()), newPassword,
				DeviceCookies.attempt(request, DeviceCookies.CUSTOMER),
				StorefrontSecondFactors.proof(request, changePasswordForm.secondFactorCode()));
		switch (outcome) {
			case ChangeOutcome.SecondFactorRefused refused ->
				StorefrontSecondFactors.reject(result, StorefrontSecondFactors.FIELD, refused.check());
			case ChangeOutcome.WrongCurrentPassword wrong ->
				result.rejectValue("currentPassword", "password.current-wrong");
			case ChangeOutcome.Blocked blocked -> {
				response.setStatus(429);
				result.rejectValue("currentPassword", "password.current-blocked",
						new Object[] { LoginOutcome.wholeMinutes(blocked.remaining()) }, null);
			}
			case ChangeOutcome.Rejected rejected ->
				FormErrors.reject(result, rejected.violations(), Map.of("password", "newPassword"));
			case ChangeOutcome.Changed changed -> {
				remember(principal.withCompliantPassword(), request, response);
				redirect.addFlashAttribute("message", "password.changed");
				return "redirect:/customer/profile";
			}
		}
		return render(principal, request, model);
	}

	// The session's principal changed (a compliant password, another language).
	private void remember(CustomerPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		var current = SecurityContextHolder.getContext().getAuthentication();
		Authentication updated = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				current == null ? java.util.List.of() : current.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		securityContexts.saveContext(context, request, response);
	}

}
