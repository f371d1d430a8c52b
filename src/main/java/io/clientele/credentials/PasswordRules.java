package io.clientele.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import io.clientele.shared.Violation;

/** The rules of the password policy, one record each. */
final class PasswordRules {

	private PasswordRules() {
	}

	record Required() implements PasswordRule {
		public Optional<Violation> check(PasswordCandidate candidate) {
			return candidate.password().isEmpty() ? PasswordRule.violation("password.required") : Optional.empty();
		}
	}

	/**
	 * At least {@code singleFactor} characters, or {@code withSecondFactor} for an
	 * account that also signs in with a second factor; the violation names the one that
	 * applies.
	 */
	record MinimumLength(int singleFactor, int withSecondFactor) implements PasswordRule {

		int minimum(PasswordCandidate candidate) {
			return candidate.secondFactor() ? withSecondFactor : singleFactor;
		}

		public Optional<Violation> check(PasswordCandidate candidate) {
			var length = PasswordRule.length(candidate.password());
			var minimum = minimum(candidate);
			return length > 0 && length < minimum ? PasswordRule.violation("password.too-short", minimum)
					: Optional.empty();
		}

	}

	record MaximumLength(int maximum) implements PasswordRule {
		public Optional<Violation> check(PasswordCandidate candidate) {
			return PasswordRule.length(candidate.password()) > maximum
					? PasswordRule.violation("password.too-long", maximum) : Optional.empty();
		}
	}

	/** Not one of zxcvbn's 30,000 most common passwords, in any case. */
	record NotCommon(Set<String> common) implements PasswordRule {

		static NotCommon fromZxcvbnDictionary() {
			var words = new HashSet<String>(40_000);
			var resource = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
			try (var in = NotCommon.class.getClassLoader().getResourceAsStream(resource);
					var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(words::add);
			}
			catch (IOException | NullPointerException ex) {
				throw new IllegalStateException("zxcvbn's password dictionary is missing from the classpath", ex);
			}
			return new NotCommon(Set.copyOf(words));
		}

		public Optional<Violation> check(PasswordCandidate candidate) {
			return common.contains(candidate.password().toLowerCase(Locale.ROOT))
					? PasswordRule.violation("password.common") : Optional.empty();
		}

	}

	/** Contains none of the owner's words: address local part, first and last name. */
	record NotPersonal() implements PasswordRule {
		public Optional<Violation> check(PasswordCandidate candidate) {
			var password = candidate.password().toLowerCase(Locale.ROOT);
			return candidate.personalWords()
				.stream()
				.filter(password::contains)
				.findFirst()
				.flatMap(word -> PasswordRule.violation("password.personal", word));
		}
	}

	/** No character more than {@code maximum} times in a row. */
	record NoLongRepeats(int maximum) implements PasswordRule {
		public Optional<Violation> check(PasswordCandidate candidate) {
			var codePoints = candidate.password().codePoints().toArray();
			var run = 1;
			for (int i = 1; i < codePoints.length; i++) {
				run = codePoints[i] == codePoints[i - 1] ? run + 1 : 1;
				if (run > maximum) {
					return PasswordRule.violation("password.repeated", maximum + 1);
				}
			}
			return Optional.empty();
		}
	}

	record MinimumStrength(PasswordStrength strength, PasswordStrength.Level minimum) implements PasswordRule {
		public Optional<Violation> check(PasswordCandidate candidate) {
			if (candidate.password().isEmpty()) {
				return Optional.empty();
			}
			var level = strength.estimate(candidate);
			return level.compareTo(minimum) < 0 ? PasswordRule.violation("password.too-weak", minimum.messageKey())
					: Optional.empty();
		}
	}

	/**
	 * Spryker's or a shop's own character-class expression, matched against the whole
	 * password.
	 */
	record MatchesPattern(Pattern pattern) implements PasswordRule {
		public Optional<Violation> check(PasswordCandidate candidate) {
			return pattern.matcher(candidate.password()).matches() ? Optional.empty()
					: PasswordRule.violation("password.pattern");
		}
	}

	/** At least {@code minimum} characters of one class (digits, upper case, …). */
	record MinimumOfClass(String characterClass, int minimum, IntPredicate member) implements PasswordRule {

		static MinimumOfClass digits(int minimum) {
			return new MinimumOfClass("digits", minimum, Character::isDigit);
		}

		static MinimumOfClass uppercase(int minimum) {
			return new MinimumOfClass("uppercase", minimum, Character::isUpperCase);
		}

		static MinimumOfClass lowercase(int minimum) {
			return new MinimumOfClass("lowercase", minimum, Character::isLowerCase);
		}

		static MinimumOfClass special(int minimum) {
			return new MinimumOfClass("special", minimum, c -> !Character.isLetterOrDigit(c));
		}

		public Optional<Violation> check(PasswordCandidate candidate) {
			var count = candidate.password().codePoints().filter(member).count();
			return count < minimum ? PasswordRule.violation("password.min-" + characterClass, minimum)
					: Optional.empty();
		}

	}

	/** None of the shop's forbidden passwords, compared exactly. */
	record NotDenied(Set<String> denied) implements PasswordRule {
		public Optional<Violation> check(PasswordCandidate candidate) {
			return denied.contains(candidate.password()) ? PasswordRule.violation("password.denied") : Optional.empty();
		}
	}

}
