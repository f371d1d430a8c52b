package io.clientele.credentials;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;

/**
 * Password hashes that other shop systems made, as imports bring them: bcrypt
 * ({@code $2y$}, {@code $2a$}, {@code $2b$}, any cost; Spryker, Magento 2.4, Shopware),
 * argon2i and argon2id PHC strings with any parameters, PBKDF2 as a PHC string
 * ({@code $pbkdf2-sha256$i=…} or passlib's {@code $pbkdf2-sha256$29000$…}) or as Spring
 * Security's {@code {pbkdf2}} form. They are verified as they are and replaced by an
 * argon2id hash at the first successful login.
 * <p>
 * A hash is recognised only up to a cost that a login can afford
 * ({@link #MAX_BCRYPT_COST} and the others): one imported row with a cost far beyond
 * would make every login attempt at its address hold a hashing slot for minutes, or
 * allocate gigabytes.
 */
final class ForeignHashes {

	static final int MAX_BCRYPT_COST = 15;

	static final long MAX_ARGON2_MEMORY_KIB = 256 * 1024;

	static final long MAX_ARGON2_ITERATIONS = 10;

	static final long MAX_ARGON2_PARALLELISM = 16;

	static final long MAX_PBKDF2_ITERATIONS = 10_000_000;

	// Below these, a stolen copy of the hashes is cracked too fast to keep them (OWASP's
	// password storage minimums are far higher; these only refuse the hopeless ones).
	static final int MIN_BCRYPT_COST = 8;

	static final long MIN_PBKDF2_ITERATIONS = 10_000;

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}");

	private static final Pattern ARGON2 = Pattern.compile(
			"\\$argon2id?\\$(?:v=\\d+\\$)?m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");

	private static final Pattern PBKDF2_PHC = Pattern
		.compile("\\$pbkdf2(-sha1|-sha256|-sha512)?\\$(?:i=)?(\\d+)(?:,l=\\d+)?\\$([^$]+)\\$([^$]+)");

	private ForeignHashes() {
	}

	/** Whether the hash has a form Clientele can verify, at a cost a login can afford. */
	static boolean recognised(String hash) {
		var bcrypt = BCRYPT.matcher(hash);
		if (bcrypt.matches()) {
			return Integer.parseInt(bcrypt.group(1)) <= MAX_BCRYPT_COST;
		}
		var argon2 = ARGON2.matcher(hash);
		if (argon2.matches()) {
			return Long.parseLong(argon2.group(1)) <= MAX_ARGON2_MEMORY_KIB
					&& Long.parseLong(argon2.group(2)) <= MAX_ARGON2_ITERATIONS
					&& Long.parseLong(argon2.group(3)) <= MAX_ARGON2_PARALLELISM;
		}
		var pbkdf2 = PBKDF2_PHC.matcher(hash);
		if (pbkdf2.matches()) {
			var iterations = pbkdf2.group(2);
			return iterations.length() <= 8 && Long.parseLong(iterations) <= MAX_PBKDF2_ITERATIONS;
		}
		return hash.startsWith("{pbkdf2}");
	}

	/**
	 * Why a recognisable hash is too weak to keep (bcrypt below cost
	 * {@value #MIN_BCRYPT_COST}, PBKDF2 below {@value #MIN_PBKDF2_ITERATIONS}
	 * iterations), or empty.
	 */
	static java.util.Optional<String> weakness(String hash) {
		var bcrypt = BCRYPT.matcher(hash);
		if (bcrypt.matches() && Integer.parseInt(bcrypt.group(1)) < MIN_BCRYPT_COST) {
			return java.util.Optional.of("is a bcrypt hash of cost " + Integer.parseInt(bcrypt.group(1))
					+ ", below the minimum of " + MIN_BCRYPT_COST);
		}
		var pbkdf2 = PBKDF2_PHC.matcher(hash);
		if (pbkdf2.matches() && pbkdf2.group(2).length() <= 8
				&& Long.parseLong(pbkdf2.group(2)) < MIN_PBKDF2_ITERATIONS) {
			return java.util.Optional
				.of(String.format(java.util.Locale.ROOT, "is a PBKDF2 hash of %,d iterations, below the minimum of %,d",
						Long.parseLong(pbkdf2.group(2)), MIN_PBKDF2_ITERATIONS));
		}
		return java.util.Optional.empty();
	}

	/**
	 * What the cost of verifying the hash depends on: its algorithm and parameters,
	 * without salt and digest ({@code $2y$10$}, {@code $pbkdf2-sha256$i=29000,l=32}).
	 */
	static String shape(String hash) {
		if (BCRYPT.matcher(hash).matches()) {
			return "$2$" + hash.substring(4, 7);
		}
		if (hash.startsWith("{pbkdf2}")) {
			return "{pbkdf2}" + hash.length();
		}
		var segments = hash.split("\\$", -1);
		return segments.length > 3 ? String.join("$", java.util.Arrays.copyOf(segments, segments.length - 2)) : hash;
	}

	/**
	 * A hash of the same shape as this one that no password matches: its digest is
	 * replaced by random characters of the same alphabet, so verifying it costs what
	 * verifying the original does.
	 */
	static String decoyLike(String hash) {
		var random = new java.security.SecureRandom();
		if (BCRYPT.matcher(hash).matches()) {
			var alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
			var decoy = new StringBuilder(hash.substring(0, 29));
			while (decoy.length() < hash.length()) {
				decoy.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			return decoy.toString();
		}
		if (hash.startsWith("{pbkdf2}")) {
			var bytes = new byte[(hash.length() - "{pbkdf2}".length()) / 2];
			random.nextBytes(bytes);
			return "{pbkdf2}" + java.util.HexFormat.of().formatHex(bytes);
		}
		var digestAt = hash.lastIndexOf('$') + 1;
		var digest = hash.substring(digestAt);
		var bytes = new byte[digest.length()];
		random.nextBytes(bytes);
		var replaced = Base64.getEncoder().withoutPadding().encodeToString(bytes).substring(0, digest.length());
		return hash.substring(0, digestAt) + (hash.startsWith("$pbkdf2") ? replaced.replace('+', '.') : replaced);
	}

	/** Verifies the password as the system that made the hash did (no normalisation). */
	static boolean verify(String hash, String password) {
		try {
			if (BCRYPT.matcher(hash).matches()) {
				// PHP's $2y$ is the same algorithm as $2a$/$2b$
				return BCrypt.checkpw(password, "$2a$" + hash.substring(4));
			}
			if (hash.startsWith("$argon2i$")) {
				return Argon2Factory.create(Argon2Types.ARGON2i).verify(hash, password.toCharArray());
			}
			if (hash.startsWith("$argon2id$")) {
				return Argon2Factory.create(Argon2Types.ARGON2id).verify(hash, password.toCharArray());
			}
			var phc = PBKDF2_PHC.matcher(hash);
			if (phc.matches()) {
				var algorithm = switch (phc.group(1) == null ? "-sha1" : phc.group(1)) {
					case "-sha256" -> "PBKDF2WithHmacSHA256";
					case "-sha512" -> "PBKDF2WithHmacSHA512";
					default -> "PBKDF2WithHmacSHA1";
				};
				var salt = adaptedBase64(phc.group(3));
				var expected = adaptedBase64(phc.group(4));
				var spec = new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(phc.group(2)),
						expected.length * 8);
				var actual = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
				return MessageDigest.isEqual(expected, actual);
			}
			if (hash.startsWith("{pbkdf2}")) {
				var encoded = hash.substring("{pbkdf2}".length());
				// Spring Security's defaults of 5.8 and later, then those of 5.5 and
				// earlier
				return Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().matches(password, encoded)
						|| Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5().matches(password, encoded);
			}
			return false;
		}
		catch (GeneralSecurityException | IllegalArgumentException malformed) {
			return false;
		}
	}

	// passlib's "adapted base64": '.' for '+', no padding; standard base64 also accepted
	private static byte[] adaptedBase64(String text) {
		var standard = text.replace('.', '+');
		return Base64.getDecoder().decode(standard + "===".substring(0, (4 - standard.length() % 4) % 4));
	}

}
