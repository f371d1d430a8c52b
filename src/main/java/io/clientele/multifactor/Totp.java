package io.clientele.multifactor;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as every authenticator app computes them (RFC 6238 over
 * RFC 4226): HMAC-SHA-1, 30-second steps, six digits, a 160-bit secret.
 */
final class Totp {

	static final int DIGITS = 6;

	static final long STEP_SECONDS = 30;

	private static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static byte[] newSecret() {
		var secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The secret as apps take it typed in: Base32, without padding. */
	static String base32(byte[] secret) {
		return new Base32().encodeAsString(secret).replace("=", "");
	}

	/** The {@code otpauth://} URI an app reads from the QR code. */
	static String uri(String issuer, String account, byte[] secret) {
		var label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	static long step(Instant now) {
		return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one time step. */
	static String code(byte[] secret, long step) {
		try {
			var mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			var hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			var offset = hash[hash.length - 1] & 0x0f;
			var binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", ex);
		}
	}

	/**
	 * The step whose code this is, looking one step back and one ahead (a clock that is
	 * off by up to 30 seconds), never a step at or before {@code lastUsed}: a code works
	 * once.
	 */
	static OptionalLong match(byte[] secret, String code, Instant now, long lastUsed) {
		var current = step(now);
		var given = code.getBytes(StandardCharsets.US_ASCII);
		OptionalLong matched = OptionalLong.empty();
		for (var step = current - 1; step <= current + 1; step++) {
			// every step is computed, so the time taken says nothing about which matched
			var equal = MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII));
			if (equal && step > lastUsed && matched.isEmpty()) {
				matched = OptionalLong.of(step);
			}
		}
		return matched;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
