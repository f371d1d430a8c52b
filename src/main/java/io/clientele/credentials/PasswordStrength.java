package io.clientele.credentials;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * zxcvbn's estimate of how hard a password is to guess, 0 to 4, in Kentico's words: weak,
 * acceptable, average, strong, excellent. The storefront's strength meter asks this same
 * estimator, so what the meter shows is what the policy enforces.
 */
@Component
public class PasswordStrength {

	/** The five levels, by zxcvbn score. */
	public enum Level {

		WEAK, ACCEPTABLE, AVERAGE, STRONG, EXCELLENT;

		/** The message key of the level's word, e.g. {@code password.strength.strong}. */
		public String messageKey() {
			return "password.strength." + name().toLowerCase(Locale.ROOT);
		}

		public int score() {
			return ordinal();
		}

	}

	// zxcvbn's cost grows with length; nothing longer is a valid password anyway.
	private static final int MAX_ESTIMATED_LENGTH = 256;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	public Level estimate(PasswordCandidate candidate) {
		var password = candidate.password();
		if (password.isEmpty()) {
			return Level.WEAK;
		}
		if (password.length() > MAX_ESTIMATED_LENGTH) {
			password = password.substring(0, MAX_ESTIMATED_LENGTH);
		}
		return Level.values()[zxcvbn.measure(password, candidate.personalWords()).getScore()];
	}

}
