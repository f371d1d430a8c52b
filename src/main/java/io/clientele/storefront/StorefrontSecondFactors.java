package io.clientele.storefront;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.authentication.LoginOutcome;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.CodeDelivery;
import io.clientele.multifactor.FactorMethod;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.multifactor.SecondFactors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The second factor as the storefront's forms meet it: the session's grace key (a random
 * value kept in the session, so that a correct code, the login's included, spares the
 * session new codes for the grace period), whether a form must ask for a code, and what a
 * refusal or a mailed code says. Used by the login's code step, the protected actions
 * (password and e-mail change, account deletion) and the sign-in security page.
 */
@Component
class StorefrontSecondFactors {

	/** The name of the code field of every protected form. */
	static final String FIELD = "secondFactorCode";

	private static final String GRACE_KEY = StorefrontSecondFactors.class.getName() + ".graceKey";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecondFactors factors;

	private final CustomerManagement customers;

	StorefrontSecondFactors(SecondFactors factors, CustomerManagement customers) {
		this.factors = factors;
		this.customers = customers;
	}

	/**
	 * What a protected form shows of the second factor.
	 *
	 * @param codeNeeded a method is on and the session is not in its grace period: the
	 * form has a code field
	 * @param emailOn codes by e-mail are on: the form offers to send one
	 * @param appOn an authenticator app is on
	 */
	record Prompt(boolean codeNeeded, boolean emailOn, boolean appOn) {
	}

	/**
	 * A message about the second factor for the page that follows (a flash attribute, so
	 * serializable): its key, its arguments, and whether it reports a problem.
	 */
	record Notice(String key, List<Object> arguments, boolean problem) implements Serializable {

		static Notice info(String key, Object... arguments) {
			return new Notice(key, List.of(arguments), false);
		}

		static Notice problem(String key, Object... arguments) {
			return new Notice(key, List.of(arguments), true);
		}

		/** The arguments as Thymeleaf's {@code #messages.msgWithParams} takes them. */
		public Object[] params() {
			return arguments.toArray();
		}

	}

	/**
	 * A new grace key for a session whose login begins: nothing proved in the session
	 * before counts for the new login.
	 */
	static String newGraceKey(HttpSession session) {
		var key = unusedGraceKey();
		useGraceKey(session, key);
		return key;
	}

	/** A grace key for a login still to be proved, not yet the session's. */
	static String unusedGraceKey() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Makes a key the session's, once the login it was made for passed. */
	static void useGraceKey(HttpSession session, String key) {
		session.setAttribute(GRACE_KEY, key);
	}

	/** The session's grace key, made now if it has none yet. */
	static String graceKey(HttpSession session) {
		return session.getAttribute(GRACE_KEY) instanceof String key ? key : newGraceKey(session);
	}

	/** The proof a protected action of this session brings: the typed code, if any. */
	static SecondFactorProof proof(HttpServletRequest request, @Nullable String code) {
		return new SecondFactorProof(code == null || code.isBlank() ? null : code, graceKey(request.getSession()));
	}

	FactorOwner owner(CustomerId customer) {
		return findOwner(customer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The customer as the owner of second factors, unless the account is gone. */
	Optional<FactorOwner> findOwner(CustomerId customer) {
		return customers.find(customer).filter((found) -> !found.anonymized()).map(FactorOwner::customer);
	}

	/** Whether the customer's form in this session must ask for a code, and which. */
	Prompt prompt(CustomerPrincipal principal, HttpServletRequest request) {
		var owner = owner(principal.id());
		var methods = factors.methods(owner);
		var email = enabled(methods, FactorType.EMAIL);
		var app = enabled(methods, FactorType.TOTP);
		return new Prompt((email || app) && factors.codeNeeded(owner, graceKey(request.getSession())), email, app);
	}

	/** Puts {@link #prompt} on the page as {@code secondFactor}. */
	void addPrompt(CustomerPrincipal principal, HttpServletRequest request, Model model) {
		model.addAttribute("secondFactor", prompt(principal, request));
	}

	static boolean enabled(List<FactorMethod> methods, FactorType type) {
		return methods.stream().anyMatch((method) -> method.type() == type && method.enabled());
	}

	/** Puts a refused check on the form's code field. */
	static void reject(BindingResult result, String field, SecondFactorCheck check) {
		var notice = notice(check);
		result.rejectValue(field, notice.key(), notice.params(), notice.key());
	}

	/** What a refused check tells the customer. */
	static Notice notice(SecondFactorCheck check) {
		return switch (check) {
			case SecondFactorCheck.Missing missing -> Notice.problem("second-factor.missing");
			case SecondFactorCheck.Malformed malformed -> Notice.problem("second-factor.malformed");
			case SecondFactorCheck.Wrong wrong -> Notice.problem("second-factor.wrong", wrong.left());
			case SecondFactorCheck.FlowReset reset -> Notice.problem("second-factor.flow-reset");
			case SecondFactorCheck.Locked locked -> Notice.problem("second-factor.locked", locked.minutes());
			// never shown: a satisfied check lets the action go on
			case SecondFactorCheck.Satisfied satisfied -> Notice.info("second-factor.confirmed");
		};
	}

	/** What asking for a mailed code came to. */
	static Notice notice(CodeDelivery delivery) {
		return switch (delivery) {
			case CodeDelivery.Sent sent -> Notice.info("second-factor.code-sent", sent.validity().toMinutes());
			case CodeDelivery.TooSoon tooSoon -> Notice.problem("second-factor.code-too-soon",
					Math.max(1, (tooSoon.retryAfter().toMillis() + 999) / 1000));
			case CodeDelivery.Locked locked ->
				Notice.problem("second-factor.locked", LoginOutcome.wholeMinutes(locked.remaining()));
			case CodeDelivery.NotEnabled notEnabled -> Notice.problem("second-factor.email-off");
			case CodeDelivery.NothingToSend nothing -> Notice.problem("second-factor.email-off");
		};
	}

	/** Mails the customer a code, for the form they are filling in. */
	Notice sendCode(CustomerPrincipal principal) {
		return notice(factors.trigger(owner(principal.id()), FactorType.EMAIL));
	}

}
