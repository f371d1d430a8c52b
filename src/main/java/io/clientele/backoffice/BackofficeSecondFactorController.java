package io.clientele.backoffice;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.multifactor.FactorDeactivation;
import io.clientele.multifactor.FactorVerification;
import io.clientele.multifactor.RecoveryCodesRenewal;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.staff.StaffChangeRefused;
import io.clientele.staff.StaffPrincipal;
import io.clientele.staff.StaffSecondFactors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in staff member's own second factor ("Security"): its status, setting up an
 * authenticator app, new recovery codes and turning the app off (only where the role
 * allows it). Each change needs a current code of the app.
 */
@Controller
class BackofficeSecondFactorController {

	static final String PAGE = "/backoffice/security";

	private final StaffSecondFactors factors;

	private final BackofficeEnrolments enrolments;

	BackofficeSecondFactorController(StaffSecondFactors factors, BackofficeEnrolments enrolments) {
		this.factors = factors;
		this.enrolments = enrolments;
	}

	@GetMapping(PAGE)
	String status(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("status", factors.status(staff));
		return "backoffice/security";
	}

	@GetMapping(PAGE + "/enrol")
	String enrolForm(@AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		var enrolment = enrolments.current(request.getSession(), staff);
		if (enrolment.isEmpty()) {
			return done("backoffice.mfa.already-on", null, redirect);
		}
		model.addAttribute("required", false);
		return BackofficeEnrolments.enrolPage(enrolment.get(), PAGE + "/enrol", PAGE, model);
	}

	@PostMapping(PAGE + "/enrol")
	String enrol(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(required = false) @Nullable String code,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		var session = request.getSession();
		var enrolment = enrolments.stored(session, staff);
		if (enrolment.isEmpty()) {
			return "redirect:" + PAGE + "/enrol";
		}
		return switch (factors.confirmEnrolment(staff, code)) {
			case FactorVerification.Enabled enabled -> {
				enrolments.forget(session);
				yield BackofficeEnrolments.recoveryCodesPage(enabled.recoveryCodes(), PAGE, model);
			}
			case FactorVerification.NotActivating notActivating -> {
				enrolments.forget(session);
				yield "redirect:" + PAGE;
			}
			case FactorVerification.Refused refused -> {
				if (ends(refused.check())) {
					enrolments.forget(session);
					yield refusedOnPage(refused.check(), redirect);
				}
				model.addAttribute("required", false);
				BackofficeEnrolments.Problem.of(refused.check()).orElseThrow().addTo(model);
				yield BackofficeEnrolments.enrolPage(enrolment.get(), PAGE + "/enrol", PAGE, model);
			}
		};
	}

	@PostMapping(PAGE + "/recovery-codes")
	String renewRecoveryCodes(@AuthenticationPrincipal StaffPrincipal staff,
			@RequestParam(required = false) @Nullable String code, Model model, RedirectAttributes redirect) {
		return switch (factors.regenerateRecoveryCodes(staff, code)) {
			case RecoveryCodesRenewal.Renewed renewed ->
				BackofficeEnrolments.recoveryCodesPage(renewed.codes(), PAGE, model);
			case RecoveryCodesRenewal.NoSecondFactor none -> done("backoffice.mfa.not-on", null, redirect);
			case RecoveryCodesRenewal.Refused refused -> refusedOnPage(refused.check(), redirect);
		};
	}

	@PostMapping(PAGE + "/turn-off")
	String turnOff(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(required = false) @Nullable String code,
			RedirectAttributes redirect) {
		try {
			return switch (factors.turnOff(staff, code)) {
				case FactorDeactivation.Deactivated off -> done("backoffice.mfa.turned-off", null, redirect);
				case FactorDeactivation.NotEnabled none -> done("backoffice.mfa.not-on", null, redirect);
				case FactorDeactivation.Refused refused -> refusedOnPage(refused.check(), redirect);
			};
		}
		catch (StaffChangeRefused ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:" + PAGE;
		}
	}

	private static boolean ends(SecondFactorCheck check) {
		return check instanceof SecondFactorCheck.FlowReset || check instanceof SecondFactorCheck.Locked;
	}

	private static String refusedOnPage(SecondFactorCheck check, RedirectAttributes redirect) {
		var problem = BackofficeEnrolments.Problem.of(check).orElseThrow();
		redirect.addFlashAttribute("error", problem.messageKey());
		if (problem.argument() != null) {
			redirect.addFlashAttribute("errorArgument", problem.argument());
		}
		return "redirect:" + PAGE;
	}

	private static String done(String message, @Nullable Object argument, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		if (argument != null) {
			redirect.addFlashAttribute("messageArgument", argument);
		}
		return "redirect:" + PAGE;
	}

}
