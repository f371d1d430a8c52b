package io.clientele.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.clientele.shared.EmailAddress;

/**
 * A new password with what the policy must not find in it: the owner's address and names
 * (any of them may be unknown, null or blank), and whether the owner signs in with a
 * second factor too, which lowers the minimum length.
 */
public record PasswordCandidate(String password, @Nullable String email, @Nullable String firstName,
		@Nullable String lastName, boolean secondFactor) {

	/** A password of an account without a second factor (registration, new staff). */
	public PasswordCandidate(String password, @Nullable String email, @Nullable String firstName,
			@Nullable String lastName) {
		this(password, email, firstName, lastName, false);
	}

	/** A password alone, of an account without a second factor. */
	public static PasswordCandidate of(String password) {
		return new PasswordCandidate(password, null, null, null, false);
	}

	/** The same password of an account with or without a second factor. */
	public PasswordCandidate withSecondFactor(boolean secondFactor) {
		return new PasswordCandidate(password, email, firstName, lastName, secondFactor);
	}

	/**
	 * Words of at least three characters from the address's local part and the names,
	 * lower case: {@code ann.lee@example.com} gives {@code ann} and {@code lee}.
	 */
	List<String> personalWords() {
		var words = new ArrayList<String>();
		if (email != null && EmailAddress.problemWith(email).isEmpty()) {
			addWords(EmailAddress.of(email).localPart(), words);
		}
		addWords(firstName, words);
		addWords(lastName, words);
		return words;
	}

	private static void addWords(@Nullable String text, List<String> words) {
		if (text == null) {
			return;
		}
		for (var word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.codePointCount(0, word.length()) >= 3 && !words.contains(word)) {
				words.add(word);
			}
		}
	}

}
