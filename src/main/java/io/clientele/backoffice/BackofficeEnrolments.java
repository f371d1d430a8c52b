package io.clientele.backoffice;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.clientele.multifactor.FactorActivation;
import io.clientele.multifactor.QrCodes;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.staff.StaffPrincipal;
import io.clientele.staff.StaffSecondFactors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * What the back office's second-factor pages share: the authenticator secret being
 * enrolled (kept in the HTTP session until its first code, so that a reload or a mistyped
 * code shows the same QR code), the pages that show it and the recovery codes, the
 * messages of a refused code, and making a second step a staff login.
 */
@Component
class BackofficeEnrolments {

	static final String SESSION_KEY = BackofficeEnrolments.class.getName() + ".enrolment";

	/** An authenticator secret of a staff member, not yet confirmed with a code. */
	record Enrolment(UUID staffId, String secret, String uri) implements Serializable {

		/** The QR code of the {@code otpauth://} URI, as an image's data URI. */
		public String qrCode() {
			return QrCodes.dataUri(uri);
		}

		/** The secret in groups of four, for typing into an app. */
		public String groupedSecret() {
			return secret.replaceAll("(.{4})(?!$)", "$1 ");
		}

	}

	/** What a refused code says: a message key and its one argument, if any. */
	record Problem(String messageKey, @Nullable Object argument) {

		static Optional<Problem> of(SecondFactorCheck check) {
			return Optional.ofNullable(switch (check) {
				case SecondFactorCheck.Satisfied satisfied -> null;
				case SecondFactorCheck.Missing missing -> new Problem("backoffice.mfa.code-missing", null);
				case SecondFactorCheck.Malformed malformed -> new Problem("backoffice.mfa.code-malformed", null);
				case SecondFactorCheck.Wrong wrong -> new Problem("backoffice.mfa.code-wrong", wrong.left());
				case SecondFactorCheck.FlowReset reset -> new Problem("backoffice.mfa.flow-reset", null);
				case SecondFactorCheck.Locked locked -> new Problem("backoffice.mfa.locked", locked.minutes());
			});
		}

		void addTo(Model model) {
			model.addAttribute("error", messageKey);
			model.addAttribute("errorArgument", argument);
		}

	}

	private final StaffSecondFactors factors;

	BackofficeEnrolments(StaffSecondFactors factors) {
		this.factors = factors;
	}

	/**
	 * The secret this session is enrolling, or a new one; empty when the staff member's
	 * app is on already.
	 */
	Optional<Enrolment> current(HttpSession session, StaffPrincipal staff) {
		var stored = stored(session, staff);
		if (stored.isPresent()) {
			return stored;
		}
		if (factors.startEnrolment(staff) instanceof FactorActivation.TotpEnrolment started) {
			var enrolment = new Enrolment(staff.staffId(), started.secret(), started.uri());
			session.setAttribute(SESSION_KEY, enrolment);
			return Optional.of(enrolment);
		}
		return Optional.empty();
	}

	/** The secret this session shows the staff member, if any. */
	Optional<Enrolment> stored(HttpSession session, StaffPrincipal staff) {
		return session.getAttribute(SESSION_KEY) instanceof Enrolment enrolment
				&& enrolment.staffId().equals(staff.staffId()) ? Optional.of(enrolment) : Optional.empty();
	}

	void forget(HttpSession session) {
		session.removeAttribute(SESSION_KEY);
	}

	/**
	 * The enrolment page: QR code, the secret as text, and the field for the first code.
	 */
	static String enrolPage(Enrolment enrolment, String action, String cancel, Model model) {
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("action", action);
		model.addAttribute("cancel", cancel);
		return "backoffice/enrol";
	}

	/** The recovery codes, shown this once, to download as text or print. */
	static String recoveryCodesPage(List<String> codes, String continueTo, Model model) {
		var text = "Clientele back office: recovery codes\r\n\r\n" + String.join("\r\n", codes) + "\r\n";
		model.addAttribute("codes", codes);
		model.addAttribute("download",
				"data:text/plain;charset=utf-8," + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
		model.addAttribute("continueTo", continueTo);
		return "backoffice/recovery-codes";
	}

	/**
	 * Makes the second step a staff login: the staff member as they are now becomes the
	 * session's security context, under a new session id.
	 */
	static void signIn(StaffPrincipal staff, HttpServletRequest request, HttpServletResponse response) {
		var holder = SecurityContextHolder.getContextHolderStrategy();
		var context = holder.createEmptyContext();
		context.setAuthentication(BackofficeStaffSessionFilter.authenticated(staff));
		holder.setContext(context);
		request.getSession().removeAttribute(SESSION_KEY);
		request.changeSessionId();
		BackofficeSecurityConfiguration.contexts().saveContext(context, request, response);
	}

}
