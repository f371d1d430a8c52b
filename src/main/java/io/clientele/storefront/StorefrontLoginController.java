package io.clientele.storefront;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.SecondFactors;
import io.clientele.passkeys.PasskeyProblem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login page and the code step of a login with a second factor; Spring Security's
 * form login processes the password, {@link SecondStepFilter} the code,
 * {@link StorefrontPasskeyLogin} a passkey's answer, and the logout.
 */
@Controller
class StorefrontLoginController {

	static final String BLOCKED_MINUTES = StorefrontLoginController.class.getName() + ".blockedMinutes";

	static final String BUSY = StorefrontLoginController.class.getName() + ".busy";

	private final SecondFactors factors;

	private final StorefrontSecondFactors secondFactors;

	private final StorefrontSettings settings;

	private final Clock clock;

	StorefrontLoginController(SecondFactors factors, StorefrontSecondFactors secondFactors, StorefrontSettings settings,
			Clock clock) {
		this.factors = factors;
		this.secondFactors = secondFactors;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/login")
	String login(@Nullable Authentication authentication,
			@RequestParam(name = StorefrontPasskeyLogin.PROBLEM_PARAMETER, required = false) @Nullable String problem,
			Model model) {
		if (signedIn(authentication)) {
			return "redirect:/customer/overview";
		}
		// only a problem we know becomes a message key
		Arrays.stream(PasskeyProblem.values())
			.filter(known -> known.name().equals(problem))
			.findFirst()
			.ifPresent(known -> model.addAttribute("passkeyProblem", known.messageKey()));
		return "storefront/login";
	}

	/** Reached only by forward from a blocked login: 429 and how long to wait. */
	@RequestMapping(path = "/login/blocked", method = { RequestMethod.GET, RequestMethod.POST })
	String blocked(HttpServletRequest request, HttpServletResponse response, Model model) {
		var minutes = request.getAttribute(BLOCKED_MINUTES);
		if (minutes == null) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("minutes", minutes);
		return "storefront/login-blocked";
	}

	/**
	 * Reached only by forward from a login whose password check found every hashing slot
	 * taken (a flood): 503 at once, and when to try again.
	 */
	@RequestMapping(path = "/login/busy", method = { RequestMethod.GET, RequestMethod.POST })
	String busy(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(BUSY) == null) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER,
				io.clientele.credentials.PasswordHashingBusy.RETRY_AFTER_SECONDS);
		return "storefront/busy";
	}

	/**
	 * The code step: one field for the app's code, a mailed code or a recovery code, and
	 * "send me a code by e-mail" when that method is on (a mailed code went out already
	 * when it is the only one).
	 */
	@GetMapping(SecondStepFilter.PATH)
	String code(@Nullable Authentication authentication, @RequestParam(required = false) @Nullable String recovery,
			HttpServletRequest request, Model model) {
		if (signedIn(authentication)) {
			return "redirect:/customer/overview";
		}
		var pending = PendingLogin.find(request.getSession(false));
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		var owner = owner(pending.get(), request);
		if (owner.isEmpty()) {
			return "redirect:/login?expired";
		}
		var methods = factors.methods(owner.get());
		var emailOn = StorefrontSecondFactors.enabled(methods, FactorType.EMAIL);
		var appOn = StorefrontSecondFactors.enabled(methods, FactorType.TOTP);
		model.addAttribute("emailOn", emailOn);
		model.addAttribute("appOn", appOn);
		model.addAttribute("recovery", recovery != null);
		return "storefront/login-code";
	}

	/** "Send me a code by e-mail" at the code step. */
	@PostMapping(SecondStepFilter.PATH + "/send")
	String sendCode(HttpServletRequest request, RedirectAttributes redirect) {
		var pending = PendingLogin.find(request.getSession(false));
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		var owner = owner(pending.get(), request);
		if (owner.isEmpty()) {
			return "redirect:/login?expired";
		}
		redirect.addFlashAttribute("notice",
				StorefrontSecondFactors.notice(factors.trigger(owner.get(), FactorType.EMAIL)));
		return "redirect:" + SecondStepFilter.PATH;
	}

	// the pending login's customer, unless it came too late (then the password again)
	private Optional<FactorOwner> owner(PendingLogin pending, HttpServletRequest request) {
		if (pending.expired(clock.instant(), settings.secondStepLifetime())) {
			PendingLogin.clear(request.getSession(false));
			return Optional.empty();
		}
		return secondFactors.findOwner(pending.principal().id());
	}

	private static boolean signedIn(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal;
	}

}
