package io.clientele.backoffice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.audit.AuditActor;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;
import io.clientele.staff.ChangeStaffMember;
import io.clientele.staff.CreateStaffMember;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffChangeRefused;
import io.clientele.staff.StaffChangedMeanwhile;
import io.clientele.staff.StaffLogin;
import io.clientele.staff.StaffPrincipal;
import io.clientele.staff.StaffRole;
import io.clientele.staff.StaffSecondFactors;
import io.clientele.staff.StaffSummary;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff management, for admins only (see the filter chain): the list, new staff members
 * with a first password under the full policy, name and role with optimistic locking,
 * deactivation, reactivation, unlocking and removing lost second factors. The guard rails
 * are the staff module's.
 */
@Controller
class BackofficeStaffController {

	private final StaffAccounts staff;

	private final StaffLogin login;

	private final PasswordPolicy policy;

	private final StaffSecondFactors factors;

	BackofficeStaffController(StaffAccounts staff, StaffLogin login, PasswordPolicy policy,
			StaffSecondFactors factors) {
		this.staff = staff;
		this.login = login;
		this.policy = policy;
		this.factors = factors;
	}

	record NewStaffForm(@Nullable String email, @Nullable String displayName, @Nullable String role,
			@Nullable String password, @Nullable String passwordConfirmation) {
	}

	/** Name and role, and the version they were shown at. */
	record StaffForm(@Nullable String displayName, @Nullable String role, @Nullable Long version) {

		static StaffForm of(StaffSummary member) {
			return new StaffForm(member.displayName(), member.role().name(), member.version());
		}

	}

	/** A row of the staff list. */
	record StaffRow(StaffSummary member, boolean lockedOut) {
	}

	@GetMapping("/backoffice/staff")
	String list(Model model) {
		model.addAttribute("rows", staff.all().stream().map(m -> new StaffRow(m, login.isLockedOut(m))).toList());
		return "backoffice/staff/list";
	}

	@GetMapping("/backoffice/staff/new")
	String newMember(Model model) {
		model.addAttribute("newStaffForm", new NewStaffForm("", "", StaffRole.SUPPORT.name(), null, null));
		return createPage(model);
	}

	@PostMapping("/backoffice/staff")
	String create(@ModelAttribute NewStaffForm newStaffForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var password = text(newStaffForm.password());
		var member = new CreateStaffMember(text(newStaffForm.email()), text(newStaffForm.displayName()),
				role(newStaffForm.role()), password);
		if (!password.equals(text(newStaffForm.passwordConfirmation()))) {
			var violations = new ArrayList<>(staff.problemsWith(member));
			violations.add(Violation.of("passwordConfirmation", "password.mismatch"));
			reject(result, violations);
			return createPage(model);
		}
		try {
			var created = staff.create(member);
			return done(created, "backoffice.staff.created", redirect);
		}
		catch (InvalidInput ex) {
			reject(result, ex.violations());
			return createPage(model);
		}
	}

	@GetMapping("/backoffice/staff/{id}")
	String detail(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal admin, Model model) {
		var member = member(id);
		model.addAttribute("staffForm", StaffForm.of(member));
		return detailPage(member, admin, model);
	}

	@PostMapping("/backoffice/staff/{id}")
	String change(@PathVariable String id, @ModelAttribute StaffForm staffForm, BindingResult result,
			@AuthenticationPrincipal StaffPrincipal admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var member = member(id);
		// a form without a version cannot prove it saw the current state
		var version = staffForm.version() == null ? -1 : staffForm.version();
		try {
			var changed = staff.change(
					new ChangeStaffMember(member.id(), version, text(staffForm.displayName()), role(staffForm.role())),
					admin.staffId());
			return done(changed, "backoffice.staff.saved", redirect);
		}
		catch (InvalidInput ex) {
			reject(result, ex.violations());
			return detailPage(member, admin, model);
		}
		catch (StaffChangeRefused ex) {
			model.addAttribute("error", ex.messageKey());
			return detailPage(member, admin, model);
		}
		catch (StaffChangedMeanwhile ex) {
			// never overwrite: show what is there now, to make the change again on it
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", "backoffice.staff.conflict");
			model.addAttribute("staffForm", StaffForm.of(ex.current()));
			return detailPage(ex.current(), admin, model);
		}
	}

	@PostMapping("/backoffice/staff/{id}/deactivate")
	String deactivate(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal admin,
			RedirectAttributes redirect) {
		var member = member(id);
		try {
			return done(staff.deactivate(member.id(), admin.staffId()), "backoffice.staff.deactivated", redirect);
		}
		catch (StaffChangeRefused ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/backoffice/staff/" + member.id();
		}
	}

	@PostMapping("/backoffice/staff/{id}/reactivate")
	String reactivate(@PathVariable String id, RedirectAttributes redirect) {
		return done(staff.reactivate(member(id).id()), "backoffice.staff.reactivated", redirect);
	}

	@PostMapping("/backoffice/staff/{id}/unlock")
	String unlock(@PathVariable String id, RedirectAttributes redirect) {
		var member = member(id);
		login.unlock(member);
		return done(member, "backoffice.staff.unlocked", redirect);
	}

	/** The confirmation page of removing a staff member's second factors. */
	@GetMapping("/backoffice/staff/{id}/second-factors/remove")
	String confirmRemoveSecondFactors(@PathVariable String id, Model model) {
		var member = member(id);
		model.addAttribute("member", member);
		return "backoffice/staff/remove-second-factors";
	}

	/**
	 * For a staff member who lost their authenticator app: every second factor goes,
	 * audited and mailed to them; a role that requires one enrols again at the next
	 * login.
	 */
	@PostMapping("/backoffice/staff/{id}/second-factors/remove")
	String removeSecondFactors(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal admin, AuditActor actor,
			RedirectAttributes redirect) {
		var member = member(id);
		try {
			var removed = factors.remove(member.id(), admin.staffId(), actor);
			return done(member,
					removed ? "backoffice.staff.second-factors-removed" : "backoffice.staff.no-second-factors",
					redirect);
		}
		catch (StaffChangeRefused ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/backoffice/staff/" + member.id();
		}
	}

	private String createPage(Model model) {
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("passwordMinLength", policy.minLength());
		model.addAttribute("passwordMaxLength", policy.maxLength());
		return "backoffice/staff/create";
	}

	private String detailPage(StaffSummary member, StaffPrincipal admin, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("self", member.id().equals(admin.staffId()));
		model.addAttribute("lockedOut", login.isLockedOut(member));
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("secondFactors", BackofficeLoginDetailsController.inUse(factors.methods(member.id())));
		model.addAttribute("secondFactorRequired", factors.required(member.role()));
		return "backoffice/staff/detail";
	}

	/** Unknown and malformed ids alike are not found. */
	private StaffSummary member(String id) {
		try {
			return staff.find(UUID.fromString(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static String done(StaffSummary member, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		redirect.addFlashAttribute("messageArgument", member.displayName());
		return "redirect:/backoffice/staff/" + member.id();
	}

	private static @Nullable StaffRole role(@Nullable String role) {
		return Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static void reject(BindingResult result, List<Violation> violations) {
		for (var violation : violations) {
			result.rejectValue(violation.field(), violation.messageKey(), violation.arguments()
				.stream()
				// the strength rule names a level by its message key
				.map(a -> a instanceof String s && s.startsWith("password.strength.")
						? new DefaultMessageSourceResolvable(s) : a)
				.toArray(), violation.messageKey());
		}
	}

}
