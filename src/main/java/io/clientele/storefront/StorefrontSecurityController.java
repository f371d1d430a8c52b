package io.clientele.storefront;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.multifactor.FactorActivation;
import io.clientele.multifactor.FactorDeactivation;
import io.clientele.multifactor.FactorMethod;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.FactorVerification;
import io.clientele.multifactor.RecoveryCodesRenewal;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactors;
import io.clientele.storefront.StorefrontSecondFactors.Notice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /customer/security}, "Sign-in security": codes by e-mail and an authenticator
 * app, each turned on with a code of its own and off with a code (or within the grace
 * period), and the recovery codes, shown once when the first method comes on and renewed
 * on demand. Adding a method while another is on needs a code of that one; the facade
 * decides, this page asks for it.
 */
@Controller
@RequestMapping("/customer/security")
class StorefrontSecurityController {

	private static final String PAGE = "storefront/customer/security";

	private static final String REDIRECT = "redirect:/customer/security";

	/** Every form of the page, each with its own errors. */
	private static final List<String> FORMS = List.of("emailActivate", "emailVerify", "emailDeactivate", "totpActivate",
			"totpVerify", "totpDeactivate", "renew");

	private final SecondFactors factors;

	private final StorefrontSecondFactors secondFactors;

	private final MessageSource messages;

	StorefrontSecurityController(SecondFactors factors, StorefrontSecondFactors secondFactors, MessageSource messages) {
		this.factors = factors;
		this.secondFactors = secondFactors;
		this.messages = messages;
	}

	/**
	 * A form of the page as sent: the code of the method being turned on, or the code of
	 * one that is on (the protected actions' field).
	 */
	record CodeForm(@Nullable String code, @Nullable String secondFactorCode) {
	}

	@GetMapping
	String page(@AuthenticationPrincipal CustomerPrincipal principal, HttpServletRequest request, Model model) {
		return render(principal, request, model);
	}

	/**
	 * Starts turning a method on: mails a code, or shows the app's QR code and key (once:
	 * the secret is not kept for showing again; "start again" makes a new one).
	 */
	@PostMapping("/{type}/activate")
	String activate(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String type,
			@RequestParam(name = StorefrontSecondFactors.FIELD, required = false) @Nullable String code,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		var factorType = type(type);
		var owner = secondFactors.owner(principal.id());
		var form = factorType.glueName() + "Activate";
		switch (factors.activate(owner, factorType, StorefrontSecondFactors.proof(request, code))) {
			case FactorActivation.EmailCodeSent sent -> {
				redirect.addFlashAttribute("notice",
						Notice.info("security.email.code-sent", sent.validity().toMinutes()));
				return REDIRECT;
			}
			case FactorActivation.TotpEnrolment enrolment -> {
				model.addAttribute("enrolment", enrolment);
				model.addAttribute("secretGroups", groups(enrolment.secret()));
				return render(principal, request, model);
			}
			case FactorActivation.AlreadyEnabled on -> {
				redirect.addFlashAttribute("notice", Notice.info("security.already-on"));
				return REDIRECT;
			}
			case FactorActivation.TooSoon tooSoon -> {
				var wait = Notice.problem("second-factor.code-too-soon",
						Math.max(1, (tooSoon.retryAfter().toMillis() + 999) / 1000));
				form(model, form).rejectValue(StorefrontSecondFactors.FIELD, wait.key(), wait.params(), wait.key());
				return render(principal, request, model);
			}
			case FactorActivation.Refused refused -> {
				StorefrontSecondFactors.reject(form(model, form), StorefrontSecondFactors.FIELD, refused.check());
				return render(principal, request, model);
			}
		}
	}

	/**
	 * Turns the method on with its code; the first method brings the recovery codes,
	 * shown on the page that follows and never again.
	 */
	@PostMapping("/{type}/verify")
	String verify(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String type,
			@RequestParam(required = false) @Nullable String code, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		var factorType = type(type);
		var owner = secondFactors.owner(principal.id());
		switch (factors.verifyActivation(owner, factorType, code)) {
			case FactorVerification.Enabled enabled -> {
				var done = Notice.info("security." + factorType.glueName() + ".enabled");
				if (enabled.recoveryCodes().isEmpty()) {
					redirect.addFlashAttribute("notice", done);
					return REDIRECT;
				}
				return recoveryCodes(enabled.recoveryCodes(), done, model);
			}
			case FactorVerification.NotActivating notActivating -> {
				redirect.addFlashAttribute("notice", Notice.problem("security.not-activating"));
				return REDIRECT;
			}
			case FactorVerification.Refused refused -> {
				var result = form(model, factorType.glueName() + "Verify");
				if (refused.check() instanceof SecondFactorCheck.Missing
						|| refused.check() instanceof SecondFactorCheck.Malformed) {
					// only the new method's six digits turn it on; a recovery code does
					// not
					result.rejectValue("code", "security.verify.six-digits");
				}
				else {
					StorefrontSecondFactors.reject(result, "code", refused.check());
				}
				return render(principal, request, model);
			}
		}
	}

	/**
	 * Turns a method off: one that is on needs a code (or the grace period), one being
	 * set up is simply dropped.
	 */
	@PostMapping("/{type}/deactivate")
	String deactivate(@AuthenticationPrincipal CustomerPrincipal principal, @PathVariable String type,
			@RequestParam(name = StorefrontSecondFactors.FIELD, required = false) @Nullable String code,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		var factorType = type(type);
		var owner = secondFactors.owner(principal.id());
		switch (factors.deactivate(owner, factorType, StorefrontSecondFactors.proof(request, code))) {
			case FactorDeactivation.Deactivated off -> {
				redirect.addFlashAttribute("notice", Notice.info("security." + factorType.glueName() + ".off"));
				return REDIRECT;
			}
			case FactorDeactivation.NotEnabled notEnabled -> {
				redirect.addFlashAttribute("notice", Notice.problem("security.not-on"));
				return REDIRECT;
			}
			case FactorDeactivation.Refused refused -> {
				StorefrontSecondFactors.reject(form(model, factorType.glueName() + "Deactivate"),
						StorefrontSecondFactors.FIELD, refused.check());
				return render(principal, request, model);
			}
		}
	}

	/** A new set of recovery codes, shown once; the old set stops working. */
	@PostMapping("/recovery-codes")
	String renewRecoveryCodes(@AuthenticationPrincipal CustomerPrincipal principal,
			@RequestParam(name = StorefrontSecondFactors.FIELD, required = false) @Nullable String code,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		var owner = secondFactors.owner(principal.id());
		switch (factors.regenerateRecoveryCodes(owner, StorefrontSecondFactors.proof(request, code))) {
			case RecoveryCodesRenewal.Renewed renewed -> {
				return recoveryCodes(renewed.codes(), Notice.info("security.codes.renewed"), model);
			}
			case RecoveryCodesRenewal.NoSecondFactor none -> {
				redirect.addFlashAttribute("notice", Notice.problem("security.codes.none"));
				return REDIRECT;
			}
			case RecoveryCodesRenewal.Refused refused -> {
				StorefrontSecondFactors.reject(form(model, "renew"), StorefrontSecondFactors.FIELD, refused.check());
				return render(principal, request, model);
			}
		}
	}

	/**
	 * "Send me a code by e-mail" beside the code field of a protected form: back to that
	 * form, which tells whether the code went out.
	 */
	@PostMapping("/send-code")
	String sendCode(@AuthenticationPrincipal CustomerPrincipal principal, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("codeNotice", secondFactors.sendCode(principal));
		redirect.addFlashAttribute("codeNoticeFor", back);
		return "redirect:" + switch (back) {
			case "passwordSecondFactorCode" -> "/customer/profile#change-password";
			case "emailSecondFactorCode" -> "/customer/profile#email-change";
			case "deleteSecondFactorCode" -> "/customer/delete";
			default -> "/customer/security";
		};
	}

	private String render(CustomerPrincipal principal, HttpServletRequest request, Model model) {
		var owner = secondFactors.owner(principal.id());
		var methods = factors.methods(owner);
		model.addAttribute("email", method(methods, FactorType.EMAIL));
		model.addAttribute("totp", method(methods, FactorType.TOTP));
		model.addAttribute("recoveryCodesLeft", factors.recoveryCodesLeft(owner));
		secondFactors.addPrompt(principal, request, model);
		for (var name : FORMS) {
			if (!model.containsAttribute(name)) {
				form(model, name);
			}
		}
		return PAGE;
	}

	private String recoveryCodes(List<String> codes, Notice notice, Model model) {
		var file = new StringBuilder(
				messages.getMessage("security.codes.file-header", null, LocaleContextHolder.getLocale()))
			.append("\r\n\r\n");
		codes.forEach((code) -> file.append(code).append("\r\n"));
		model.addAttribute("notice", notice);
		model.addAttribute("codes", codes);
		model.addAttribute("download", "data:text/plain;charset=utf-8,"
				+ URLEncoder.encode(file.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
		return "storefront/customer/recovery-codes";
	}

	// an empty form of the page with errors of its own
	private static BindingResult form(Model model, String name) {
		var binder = new DataBinder(new CodeForm(null, null), name);
		binder.initDirectFieldAccess();
		model.addAttribute(name, binder.getTarget());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, binder.getBindingResult());
		return binder.getBindingResult();
	}

	private static FactorMethod method(List<FactorMethod> methods, FactorType type) {
		return methods.stream().filter((method) -> method.type() == type).findFirst().orElseThrow();
	}

	private static FactorType type(String name) {
		return FactorType.ofGlueName(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The app's key in groups of four, as people type it. */
	static List<String> groups(String secret) {
		var groups = new java.util.ArrayList<String>();
		for (var i = 0; i < secret.length(); i += 4) {
			groups.add(secret.substring(i, Math.min(secret.length(), i + 4)));
		}
		return groups;
	}

}
