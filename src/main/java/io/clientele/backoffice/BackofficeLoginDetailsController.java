package io.clientele.backoffice;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.audit.AuditActor;
import io.clientele.authentication.CustomerLogin;
import io.clientele.credentials.AccountClosure;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.credentials.PasswordResets;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.FactorMethod;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorStatus;
import io.clientele.multifactor.SecondFactors;
import io.clientele.passkeys.Passkeys;
import io.clientele.shared.InvalidInput;

/**
 * The customer page's login details: reset link, required password change, unlock, block,
 * the second factors in use, and (admins only) removing them and closing the account.
 * Every action is a POST with a CSRF token.
 */
@Controller
class BackofficeLoginDetailsController {

	private final CustomerManagement customers;

	private final PasswordResets resets;

	private final PasswordManagement passwords;

	private final CustomerLogin login;

	private final PasswordPolicy policy;

	private final BackofficeCustomers pages;

	private final AccountClosure closure;

	private final SecondFactors factors;

	private final Passkeys passkeys;

	BackofficeLoginDetailsController(CustomerManagement customers, PasswordResets resets, PasswordManagement passwords,
			CustomerLogin login, PasswordPolicy policy, BackofficeCustomers pages, AccountClosure closure,
			SecondFactors factors, Passkeys passkeys) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.pages = pages;
		this.closure = closure;
		this.policy = policy;
		this.customers = customers;
		this.resets = resets;
		this.passwords = passwords;
		this.login = login;
	}

	@GetMapping("/backoffice/customers/{reference}/login-details")
	String loginDetails(@PathVariable String reference, Model model) {
		var customer = pages.find(reference);
		model.addAttribute("hasLogin", passwords.hasPassword(customer.id()));
		model.addAttribute("secondFactors", inUse(factors.methods(FactorOwner.customer(customer))));
		// names and dates only: the customer manages them, staff see them to answer
		// questions
		model.addAttribute("passkeys", passkeys.list(customer.id()));
		return pages.tab(customer, "login-details", model);
	}

	/**
	 * The methods an owner has set up or is setting up: their kind and state, no secret.
	 */
	static List<FactorMethod> inUse(List<FactorMethod> methods) {
		return methods.stream().filter(method -> method.status() != FactorStatus.DISABLED).toList();
	}

	/** Admins only (see the filter chain): the confirmation page. */
	@GetMapping("/backoffice/customers/{reference}/second-factors/remove")
	String confirmRemoveSecondFactors(@PathVariable String reference, Model model) {
		var customer = customer(reference);
		model.addAttribute("secondFactors", inUse(factors.methods(FactorOwner.customer(customer))));
		return pages.tab(customer, "remove-second-factors", model);
	}

	/**
	 * Admins only (see the filter chain): for a customer who lost their second factors;
	 * audited and mailed to the customer, who signs in with the password alone until they
	 * set up a new one.
	 */
	@PostMapping("/backoffice/customers/{reference}/second-factors/remove")
	String removeSecondFactors(@PathVariable String reference, AuditActor staff, RedirectAttributes redirect) {
		var customer = customer(reference);
		var removed = factors.remove(FactorOwner.customer(customer), staff);
		return done(reference, removed ? "backoffice.login-details.second-factors-removed"
				: "backoffice.login-details.no-second-factors", redirect);
	}

	@PostMapping("/backoffice/customers/{reference}/send-reset-link")
	String sendResetLink(@PathVariable String reference, AuditActor staff, RedirectAttributes redirect) {
		var customer = customer(reference);
		resets.sendResetLink(customer.id(), staff);
		return done(reference, "backoffice.login-details.reset-link-sent", redirect);
	}

	@PostMapping("/backoffice/customers/{reference}/require-password-change")
	String requirePasswordChange(@PathVariable String reference, AuditActor staff, RedirectAttributes redirect) {
		var customer = customer(reference);
		var changed = passwords.requireChange(customer.id(), staff);
		return done(reference,
				changed ? "backoffice.login-details.change-required" : "backoffice.login-details.no-password",
				redirect);
	}

	@PostMapping("/backoffice/customers/{reference}/unlock")
	String unlock(@PathVariable String reference, AuditActor staff, RedirectAttributes redirect) {
		var customer = customer(reference);
		login.unlock(customer, staff);
		return done(reference, "backoffice.login-details.unlocked", redirect);
	}

	@PostMapping("/backoffice/customers/{reference}/block")
	String block(@PathVariable String reference, @RequestParam boolean blocked, AuditActor staff,
			RedirectAttributes redirect) {
		var customer = customer(reference);
		customers.block(customer.id(), blocked, staff);
		return done(reference, blocked ? "backoffice.login-details.blocked" : "backoffice.login-details.unblocked",
				redirect);
	}

	/**
	 * Admins only (see the filter chain): the password goes to the customer, never to
	 * staff.
	 */
	@PostMapping("/backoffice/customers/{reference}/generate-password")
	String generatePassword(@PathVariable String reference, AuditActor staff, RedirectAttributes redirect) {
		var customer = customer(reference);
		try {
			passwords.generatePassword(customer.id(), staff);
		}
		catch (PasswordPolicy.NoGeneratedPasswordFits ex) {
			redirect.addFlashAttribute("error", "backoffice.login-details.no-generated-password");
			return "redirect:/backoffice/customers/" + reference + "/login-details";
		}
		return done(reference, "backoffice.login-details.password-generated", redirect);
	}

	@PostMapping("/backoffice/customers/{reference}/create-login")
	String createLogin(@PathVariable String reference, AuditActor staff, RedirectAttributes redirect) {
		var customer = customer(reference);
		var sent = resets.sendLoginLink(customer.id(), staff);
		return done(reference, sent ? "backoffice.login-details.login-link-sent" : "backoffice.login-details.has-login",
				redirect);
	}

	record SetPasswordForm(@Nullable String password, @Nullable String passwordConfirmation,
			@Nullable Boolean mustChange) {
	}

	/**
	 * Admins only (see the filter chain): a password with the live meter and the full
	 * policy.
	 */
	@GetMapping("/backoffice/customers/{reference}/set-password")
	String setPasswordForm(@PathVariable String reference, Model model) {
		model.addAttribute("setPasswordForm", new SetPasswordForm(null, null, true));
		return setPasswordPage(customer(reference), model);
	}

	@PostMapping("/backoffice/customers/{reference}/set-password")
	String setPassword(@PathVariable String reference, @ModelAttribute SetPasswordForm setPasswordForm,
			BindingResult result, AuditActor staff, Model model, RedirectAttributes redirect) {
		var customer = customer(reference);
		var password = setPasswordForm.password() == null ? "" : setPasswordForm.password();
		if (!password
			.equals(setPasswordForm.passwordConfirmation() == null ? "" : setPasswordForm.passwordConfirmation())) {
			result.rejectValue("passwordConfirmation", "password.mismatch");
			return setPasswordPage(customer, model);
		}
		try {
			passwords.setPasswordByStaff(customer.id(), password, Boolean.TRUE.equals(setPasswordForm.mustChange()),
					staff);
		}
		catch (InvalidInput ex) {
			for (var violation : ex.violations()) {
				result.rejectValue("password", violation.messageKey(),
						violation.arguments()
							.stream()
							.map(a -> a instanceof String s && s.startsWith("password.strength.")
									? new DefaultMessageSourceResolvable(s) : a)
							.toArray(),
						violation.messageKey());
			}
			return setPasswordPage(customer, model);
		}
		return done(reference, "backoffice.login-details.password-set", redirect);
	}

	private String setPasswordPage(CustomerDetails customer, Model model) {
		// the customer's own minimum: lower when they have a second factor
		model.addAttribute("passwordMinLength", passwords.minLengthFor(customer.id()));
		model.addAttribute("passwordMaxLength", policy.maxLength());
		return pages.tab(customer, "set-password", model);
	}

	/** Admins only (see the filter chain): the confirmation page. */
	@GetMapping("/backoffice/customers/{reference}/delete")
	String confirmDelete(@PathVariable String reference, Model model) {
		return pages.tab(customer(reference), "delete", model);
	}

	/** Admins only: anonymisation as in the API; the reference and the orders stay. */
	@PostMapping("/backoffice/customers/{reference}/delete")
	String delete(@PathVariable String reference, AuditActor staff, RedirectAttributes redirect) {
		var customer = customer(reference);
		closure.closeByStaff(customer.id(), staff);
		redirect.addFlashAttribute("message", "backoffice.login-details.deleted");
		redirect.addFlashAttribute("messageArgument", reference);
		return "redirect:/backoffice/customers";
	}

	private CustomerDetails customer(String reference) {
		return pages.open(reference);
	}

	private static String done(String reference, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		return "redirect:/backoffice/customers/" + reference + "/login-details";
	}

}
