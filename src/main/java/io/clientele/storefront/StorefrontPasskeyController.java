package io.clientele.storefront;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.passkeys.PasskeyChallenge;
import io.clientele.passkeys.PasskeyOptions;
import io.clientele.passkeys.Passkeys;
import io.clientele.passkeys.RegistrationOutcome;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The customer's passkeys ({@code /customer/passkeys}): the list, adding one (the page's
 * script asks for options, lets the browser create the passkey and posts its answer),
 * renaming and removing; and the options of a passkey sign-in for the login page. Each
 * challenge waits in the session until its answer comes.
 */
@Controller
class StorefrontPasskeyController {

	static final String REGISTRATION_CHALLENGE = StorefrontPasskeyController.class.getName() + ".challenge";

	private final Passkeys passkeys;

	StorefrontPasskeyController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/customer/passkeys")
	String list(@AuthenticationPrincipal CustomerPrincipal customer, Model model) {
		model.addAttribute("passkeys", passkeys.list(customer.id()));
		model.addAttribute("canAdd", passkeys.canAdd(customer.id()));
		return "storefront/customer/passkeys";
	}

	// produces: a client that takes no JSON is refused before a challenge is made
	@PostMapping(path = "/customer/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PasskeyOptions.Creation registrationOptions(@AuthenticationPrincipal CustomerPrincipal customer,
			HttpSession session) {
		var start = passkeys.startRegistration(customer.id());
		session.setAttribute(REGISTRATION_CHALLENGE, start.challenge());
		return start.options();
	}

	@PostMapping("/customer/passkeys")
	String add(@AuthenticationPrincipal CustomerPrincipal customer,
			@RequestParam(name = "response", defaultValue = "") String response,
			@RequestParam(name = "name", required = false) @Nullable String name, HttpServletRequest request,
			RedirectAttributes redirect) {
		var outcome = passkeys.finishRegistration(customer.id(), takeChallenge(request.getSession()), response, name,
				request.getRemoteAddr());
		switch (outcome) {
			case RegistrationOutcome.Added added -> redirect.addFlashAttribute("message", "passkeys.added");
			case RegistrationOutcome.Refused refused ->
				redirect.addFlashAttribute("problem", refused.problem().messageKey());
		}
		return "redirect:/customer/passkeys";
	}

	@PostMapping("/customer/passkeys/{id}/rename")
	String rename(@AuthenticationPrincipal CustomerPrincipal customer, @PathVariable UUID id,
			@RequestParam(name = "name", defaultValue = "") String name, RedirectAttributes redirect) {
		passkeys.rename(customer.id(), id, name)
			.ifPresentOrElse(problem -> redirect.addFlashAttribute("problem", problem.messageKey()),
					() -> redirect.addFlashAttribute("message", "passkeys.renamed"));
		return "redirect:/customer/passkeys";
	}

	@PostMapping("/customer/passkeys/{id}/remove")
	String remove(@AuthenticationPrincipal CustomerPrincipal customer, @PathVariable UUID id,
			HttpServletRequest request, RedirectAttributes redirect) {
		passkeys.remove(customer.id(), id, request.getRemoteAddr())
			.ifPresentOrElse(problem -> redirect.addFlashAttribute("problem", problem.messageKey()),
					() -> redirect.addFlashAttribute("message", "passkeys.removed"));
		return "redirect:/customer/passkeys";
	}

	/** The options of a sign-in; the answer goes to {@link StorefrontPasskeyLogin}. */
	@PostMapping(path = "/login/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PasskeyOptions.Request signInOptions(HttpSession session) {
		var start = passkeys.startSignIn();
		session.setAttribute(StorefrontPasskeyLogin.CHALLENGE, start.challenge());
		return start.options();
	}

	// a challenge counts once: it leaves the session whatever the answer
	private static @Nullable PasskeyChallenge takeChallenge(HttpSession session) {
		var challenge = session.getAttribute(REGISTRATION_CHALLENGE);
		session.removeAttribute(REGISTRATION_CHALLENGE);
		return challenge instanceof PasskeyChallenge pending ? pending : null;
	}

}
