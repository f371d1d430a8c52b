package io.clientele.multifactor;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Single-use recovery codes: ten characters of Base32 (50 random bits), shown as two
 * groups of five, accepted in any case, with or without the hyphen and spaces.
 */
final class RecoveryCodes {

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final Pattern SHAPE = Pattern.compile("[a-z2-7]{10}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	static List<String> generate(int count) {
		var codes = new ArrayList<String>(count);
		for (var i = 0; i < count; i++) {
			var code = new StringBuilder(11);
			for (var c = 0; c < 10; c++) {
				if (c == 5) {
					code.append('-');
				}
				code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
			}
			codes.add(code.toString());
		}
		return List.copyOf(codes);
	}

	/** The code as stored (hashed): lower case, no hyphen, no spaces. */
	static String normalize(String typed) {
		return typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	static boolean looksLikeOne(String normalized) {
		return SHAPE.matcher(normalized).matches();
	}

}
