package io.clientele.backoffice;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.multifactor.FactorVerification;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.staff.StaffLogin;
import io.clientele.staff.StaffSecondFactors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login's second step, reached only with a {@link PendingStaffAuthentication}: the
 * code of the authenticator app (or a recovery code), or, for staff whose role requires
 * an app they lack, its enrolment. A right code signs the staff member in under a new
 * session id; three wrong ones end the attempt (the password comes again), and repeated
 * resets lock the step for a while.
 */
@Controller
class BackofficeSecondStepController {

	private final StaffSecondFactors factors;

	private final StaffLogin login;

	private final BackofficeEnrolments enrolments;

	BackofficeSecondStepController(StaffSecondFactors factors, StaffLogin login, BackofficeEnrolments enrolments) {
		this.factors = factors;
		this.login = login;
		this.enrolments = enrolments;
	}

	@GetMapping(BackofficeSecondStepFilter.CODE_PAGE)
	String codeForm() {
		return "backoffice/login-code";
	}

	@PostMapping(BackofficeSecondStepFilter.CODE_PAGE)
	String code(@AuthenticationPrincipal PendingStaffAuthentication.PendingStaff pending,
			@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		var check = factors.verifySignIn(pending.staff(), code);
		if (check instanceof SecondFactorCheck.Satisfied satisfied) {
			var staff = login.current(pending.staff());
			if (staff.isEmpty()) {
				BackofficeSecondStepFilter.drop(request);
				return "redirect:/backoffice/login?error";
			}
			BackofficeEnrolments.signIn(staff.get(), request, response);
			if (satisfied.recoveryCodeUsed()) {
				redirect.addFlashAttribute("recoveryCodesLeft", factors.status(staff.get()).recoveryCodesLeft());
			}
			return "redirect:/backoffice";
		}
		return refused(check, "backoffice/login-code", request, response, model);
	}

	@GetMapping(BackofficeSecondStepFilter.ENROL_PAGE)
	String enrolForm(@AuthenticationPrincipal PendingStaffAuthentication.PendingStaff pending,
			HttpServletRequest request, Model model) {
		var enrolment = enrolments.current(request.getSession(), pending.staff());
		if (enrolment.isEmpty()) {
			// the app was turned on meanwhile (another browser): log in with it
			BackofficeSecondStepFilter.drop(request);
			return "redirect:/backoffice/login";
		}
		model.addAttribute("required", true);
		return BackofficeEnrolments.enrolPage(enrolment.get(), BackofficeSecondStepFilter.ENROL_PAGE,
				"/backoffice/logout", model);
	}

	@PostMapping(BackofficeSecondStepFilter.ENROL_PAGE)
	String enrol(@AuthenticationPrincipal PendingStaffAuthentication.PendingStaff pending,
			@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var enrolment = enrolments.stored(request.getSession(), pending.staff());
		if (enrolment.isEmpty()) {
			return "redirect:" + BackofficeSecondStepFilter.ENROL_PAGE;
		}
		return switch (factors.confirmEnrolment(pending.staff(), code)) {
			case FactorVerification.Enabled enabled -> {
				var staff = login.current(pending.staff());
				if (staff.isEmpty()) {
					BackofficeSecondStepFilter.drop(request);
					yield "redirect:/backoffice/login?error";
				}
				BackofficeEnrolments.signIn(staff.get(), request, response);
				yield BackofficeEnrolments.recoveryCodesPage(enabled.recoveryCodes(), "/backoffice", model);
			}
			case FactorVerification.NotActivating notActivating -> {
				BackofficeSecondStepFilter.drop(request);
				yield "redirect:/backoffice/login";
			}
			case FactorVerification.Refused refused -> {
				model.addAttribute("required", true);
				BackofficeEnrolments.enrolPage(enrolment.get(), BackofficeSecondStepFilter.ENROL_PAGE,
						"/backoffice/logout", model);
				yield refused(refused.check(), "backoffice/enrol", request, response, model);
			}
		};
	}

	// a wrong code shows the page again; a reset or a lock ends the attempt
	private static String refused(SecondFactorCheck check, String page, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var problem = BackofficeEnrolments.Problem.of(check).orElseThrow();
		switch (check) {
			case SecondFactorCheck.FlowReset reset -> {
				BackofficeSecondStepFilter.drop(request);
				return "redirect:/backoffice/login?reset";
			}
			case SecondFactorCheck.Locked locked -> {
				BackofficeSecondStepFilter.drop(request);
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("minutes", locked.minutes());
				model.addAttribute("text", "backoffice.mfa.locked");
				return "backoffice/login-blocked";
			}
			default -> {
				problem.addTo(model);
				return page;
			}
		}
	}

}
