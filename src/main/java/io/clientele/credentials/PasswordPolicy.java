package io.clientele.credentials;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.clientele.shared.Violation;

/**
 * The rules a new password must meet, the same for storefront, back office, API and
 * console. Reports every broken rule at once, as message keys with arguments on the field
 * {@code password}.
 */
@Component
public class PasswordPolicy {

	private static final Logger log = LoggerFactory.getLogger(PasswordPolicy.class);

	private final CredentialsSettings.PasswordPolicySettings settings;

	private final PasswordRules.MinimumLength minimumLength;

	private final List<PasswordRule> rules;

	private final Set<String> allowed;

	@Autowired
	PasswordPolicy(CredentialsSettings settings, PasswordStrength strength) {
		this(settings, strength, PasswordRules.NotCommon.fromZxcvbnDictionary());
	}

	PasswordPolicy(CredentialsSettings settings, PasswordStrength strength, PasswordRules.NotCommon common) {
		this.settings = settings.passwordPolicy();
		this.allowed = Set.copyOf(this.settings.allowList());
		this.minimumLength = minimumLength(this.settings);
		this.rules = rules(this.settings, this.minimumLength, strength, common);
	}

	// A password that is the only factor never needs fewer characters than one of two: a
	// min-length configured below min-length-with-second-factor is raised to it.
	private static PasswordRules.MinimumLength minimumLength(CredentialsSettings.PasswordPolicySettings settings) {
		var withSecondFactor = settings.minLengthWithSecondFactor();
		if (settings.minLength() < withSecondFactor) {
			log.warn(
					"clientele.credentials.password-policy.min-length ({}) is below min-length-with-second-factor"
							+ " ({}): passwords of single-factor accounts need {} characters too",
					settings.minLength(), withSecondFactor, withSecondFactor);
		}
		return new PasswordRules.MinimumLength(Math.max(settings.minLength(), withSecondFactor), withSecondFactor);
	}

	private static List<PasswordRule> rules(CredentialsSettings.PasswordPolicySettings settings,
			PasswordRules.MinimumLength minimumLength, PasswordStrength strength, PasswordRules.NotCommon common) {
		var rules = new ArrayList<PasswordRule>();
		rules.add(new PasswordRules.Required());
		rules.add(minimumLength);
		rules.add(new PasswordRules.MaximumLength(settings.maxLength()));
		if (!settings.characterPattern().isBlank()) {
			rules.add(new PasswordRules.MatchesPattern(Pattern.compile(settings.characterPattern())));
		}
		addIfPositive(rules, settings.minDigits(), PasswordRules.MinimumOfClass::digits);
		addIfPositive(rules, settings.minUppercase(), PasswordRules.MinimumOfClass::uppercase);
		addIfPositive(rules, settings.minLowercase(), PasswordRules.MinimumOfClass::lowercase);
		addIfPositive(rules, settings.minSpecial(), PasswordRules.MinimumOfClass::special);
		if (settings.maxRepeatedCharacters() > 0) {
			rules.add(new PasswordRules.NoLongRepeats(settings.maxRepeatedCharacters()));
		}
		if (settings.rejectCommon()) {
			rules.add(common);
		}
		if (!settings.denyList().isEmpty()) {
			rules.add(new PasswordRules.NotDenied(new HashSet<>(settings.denyList())));
		}
		if (settings.rejectPersonal()) {
			rules.add(new PasswordRules.NotPersonal());
		}
		if (settings.minStrength() > 0) {
			rules.add(new PasswordRules.MinimumStrength(strength,
					PasswordStrength.Level.values()[Math.min(settings.minStrength(), 4)]));
		}
		return List.copyOf(rules);
	}

	private static void addIfPositive(List<PasswordRule> rules, int minimum,
			java.util.function.IntFunction<PasswordRule> rule) {
		if (minimum > 0) {
			rules.add(rule.apply(minimum));
		}
	}

	/**
	 * Every violation of the new password, not only the first, so a form can show all at
	 * once.
	 */
	public List<Violation> check(PasswordCandidate candidate) {
		if (allowed.contains(candidate.password())) {
			return List.of();
		}
		var tooLong = PasswordRule.length(candidate.password()) > settings.maxLength() * 4;
		if (tooLong) {
			// Megabytes of input get the length verdict alone, not a dictionary search.
			return new PasswordRules.MaximumLength(settings.maxLength()).check(candidate).stream().toList();
		}
		return rules.stream().map(rule -> rule.check(candidate)).flatMap(Optional::stream).toList();
	}

	/**
	 * The fewest characters of a password that is the account's only factor: never fewer
	 * than {@link #minLength(boolean) with a second factor}.
	 */
	public int minLength() {
		return minimumLength.singleFactor();
	}

	/**
	 * The fewest characters of a password of an account with or without a second factor.
	 */
	public int minLength(boolean secondFactor) {
		return secondFactor ? minimumLength.withSecondFactor() : minimumLength.singleFactor();
	}

	/**
	 * The fewest characters any account's password may have (the minimum with a second
	 * factor), for checks that come before it is known whose password it is.
	 */
	public int lowestMinLength() {
		return Math.min(minimumLength.singleFactor(), minimumLength.withSecondFactor());
	}

	public int maxLength() {
		return settings.maxLength();
	}

	// No 0/O, 1/l/I: a person reads and types a generated password.
	private static final String UNAMBIGUOUS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final String SPECIAL = "-_.!?#%+=*";

	private static final int GENERATION_DRAWS = 1_000;

	private final java.security.SecureRandom random = new java.security.SecureRandom();

	/**
	 * A random password a person can read and type, at least {@code length} characters
	 * long (more when the policy's minimum or its character classes need more), that
	 * {@code accepted} takes. It is drawn again while {@code accepted} refuses it (three
	 * equal characters in a row, a part of the address). It has special characters when
	 * the policy asks for them.
	 * @throws NoGeneratedPasswordFits when {@value #GENERATION_DRAWS} draws were all
	 * refused, because the policy's settings allow no generated password
	 */
	public String generate(int length, Predicate<String> accepted) {
		var size = Math.max(Math.max(length, minimumLength.singleFactor()),
				settings.minDigits() + settings.minUppercase() + settings.minLowercase() + settings.minSpecial());
		var alphabet = settings.minSpecial() > 0 ? UNAMBIGUOUS + SPECIAL : UNAMBIGUOUS;
		for (int draw = 0; draw < GENERATION_DRAWS; draw++) {
			var chars = new StringBuilder(size);
			for (int i = 0; i < size; i++) {
				chars.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			var password = chars.toString();
			if (accepted.test(password)) {
				return password;
			}
		}
		throw new NoGeneratedPasswordFits();
	}

	/**
	 * The password policy's settings refuse every generated password (for example a
	 * character pattern without letters, or a maximum length below the minimum).
	 */
	public static final class NoGeneratedPasswordFits extends RuntimeException {

		NoGeneratedPasswordFits() {
			super("The password policy (clientele.credentials.password-policy.*) refused " + GENERATION_DRAWS
					+ " generated passwords in a row: its settings allow none");
		}

	}

	int historySize() {
		return settings.historySize();
	}

	CredentialsSettings.NonCompliantPasswords nonCompliant() {
		return settings.nonCompliant();
	}

}
