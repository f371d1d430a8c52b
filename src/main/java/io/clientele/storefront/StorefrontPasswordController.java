package io.clientele.storefront;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.credentials.PasswordResets;
import io.clientele.credentials.PasswordResets.RestoreOutcome;
import io.clientele.credentials.TokenCheck;
import io.clientele.shared.EmailAddress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /password/forgotten} and {@code /password/restore?token=…}. The forgotten page
 * answers every well-formed address alike, at once; the mail, if any, is sent in the
 * background.
 */
@Controller
class StorefrontPasswordController {

	private final PasswordResets resets;

	private final PasswordPolicy policy;

	private final PasswordManagement passwords;

	StorefrontPasswordController(PasswordResets resets, PasswordPolicy policy, PasswordManagement passwords) {
		this.resets = resets;
		this.policy = policy;
		this.passwords = passwords;
	}

	record ForgottenForm(@Nullable String email) {
	}

	record RestoreForm(@Nullable String token, @Nullable String password, @Nullable String passwordConfirmation) {

		String tokenText() {
			return token == null ? "" : token;
		}

		String passwordText() {
			return password == null ? "" : password;
		}

		boolean passwordsMatch() {
			return passwordText().equals(passwordConfirmation == null ? "" : passwordConfirmation);
		}

	}

	@ModelAttribute
	void passwordLimits(Model model) {
		model.addAttribute("passwordMinLength", policy.minLength());
		model.addAttribute("passwordMaxLength", policy.maxLength());
	}

	@GetMapping("/password/forgotten")
	String forgottenForm(Model model) {
		model.addAttribute("forgottenForm", new ForgottenForm(""));
		return "storefront/password/forgotten";
	}

	@PostMapping("/password/forgotten")
	String forgotten(@ModelAttribute ForgottenForm forgottenForm, BindingResult result, HttpServletRequest request,
			RedirectAttributes redirect) {
		var email = forgottenForm.email() == null ? "" : forgottenForm.email();
		var problem = EmailAddress.problemWith(email);
		if (problem.isPresent()) {
			result.rejectValue("email", problem.get());
			return "storefront/password/forgotten";
		}
		resets.requestReset(email, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "forgotten.sent");
		return "redirect:/login";
	}

	@GetMapping("/password/restore")
	String restoreForm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		response.setHeader("Referrer-Policy", "no-referrer");
		var check = resets.check(token);
		if (!(check instanceof TokenCheck.Valid valid)) {
			return linkProblem(check, model);
		}
		model.addAttribute("restoreForm", new RestoreForm(token, null, null));
		return restorePage(valid, model);
	}

	@PostMapping("/password/restore")
	String restore(@ModelAttribute RestoreForm restoreForm, BindingResult result, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		response.setHeader("Referrer-Policy", "no-referrer");
		if (!restoreForm.passwordsMatch()) {
			result.rejectValue("passwordConfirmation", "password.mismatch");
		}
		var check = resets.check(restoreForm.tokenText());
		if (!(check instanceof TokenCheck.Valid valid)) {
			return linkProblem(check, model);
		}
		if (result.hasErrors()) {
			return restorePage(valid, model);
		}
		return switch (resets.restore(restoreForm.tokenText(), restoreForm.passwordText())) {
			case RestoreOutcome.Restored restored -> {
				redirect.addFlashAttribute("message", "restore.done");
				yield "redirect:/login";
			}
			case RestoreOutcome.Rejected rejected -> {
				FormErrors.reject(result, rejected.violations(), Map.of("password", "password"));
				yield restorePage(valid, model);
			}
			case RestoreOutcome.LinkNotUsable unusable -> linkProblem(unusable.check(), model);
		};
	}

	// the link's owner's minimum: lower when they have a second factor
	private String restorePage(TokenCheck.Valid link, Model model) {
		model.addAttribute("passwordMinLength", passwords.minLengthFor(link.customer()));
		return "storefront/password/restore";
	}

	private static String linkProblem(TokenCheck check, Model model) {
		model.addAttribute("problem", LinkProblem.of(check).messageKey());
		model.addAttribute("retryLink", "/password/forgotten");
		model.addAttribute("retryText", "forgotten.title");
		return "storefront/link-problem";
	}

}
