package io.clientele.storefront;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.credentials.PasswordCandidate;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.credentials.PasswordStrength;
import io.clientele.customer.CustomerManagement;

/**
 * The strength meter's source: the server's own estimator and policy, so the meter never
 * promises what the server then refuses. POST, so that passwords stay out of URLs and
 * logs.
 */
@RestController
class StorefrontPasswordStrengthController {

	private final PasswordStrength strength;

	private final PasswordPolicy policy;

	private final CustomerManagement customers;

	private final MessageSource messages;

	private final PasswordManagement passwords;

	StorefrontPasswordStrengthController(PasswordStrength strength, PasswordPolicy policy, CustomerManagement customers,
			MessageSource messages, PasswordManagement passwords) {
		this.passwords = passwords;
		this.strength = strength;
		this.policy = policy;
		this.customers = customers;
		this.messages = messages;
	}

	/** What the meter shows: the level 0 to 4, its word, and every rule still broken. */
	record StrengthView(int score, String level, String label, List<String> problems) {
	}

	@PostMapping("/password/strength")
	StrengthView estimate(@RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String firstName,
			@RequestParam(required = false) @Nullable String lastName, @Nullable Authentication authentication,
			Locale locale) {
		var candidate = new PasswordCandidate(password, email, firstName, lastName);
		if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal principal) {
			// the signed-in customer's words and second factor, as the change will check
			candidate = customers.find(principal.id()).map(c -> passwords.candidate(c, password)).orElse(candidate);
		}
		var level = strength.estimate(candidate);
		var problems = policy.check(candidate)
			.stream()
			.map(v -> messages.getMessage(v.messageKey(),
					v.arguments()
						.stream()
						.map(a -> a instanceof String s && s.startsWith("password.strength.")
								? new DefaultMessageSourceResolvable(s) : a)
						.toArray(),
					v.messageKey(), locale))
			.toList();
		return new StrengthView(level.score(), level.name().toLowerCase(Locale.ROOT),
				messages.getMessage(level.messageKey(), null, locale), problems);
	}

}
