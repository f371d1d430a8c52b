package io.clientele.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * A person's authenticator app, computed as every app does (RFC 6238: HMAC-SHA-1,
 * 30-second steps, six digits) from the key the page shows. Clientele takes each step's
 * code once and accepts one step of drift either way, so the app gives the current step's
 * code or, when that was given, the next one's, and waits for the clock when it has given
 * both.
 */
public final class AuthenticatorApp {

	private final byte[] secret;

	private long lastStep = Long.MIN_VALUE;

	/**
	 * @param key the key as the page shows it, in groups or not
	 */
	public AuthenticatorApp(String key) {
		this.secret = new Base32().decode(key.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
	}

	/** A code Clientele has not seen yet. */
	public String nextCode() {
		while (true) {
			var current = step(Instant.now());
			for (var step = current; step <= current + 1; step++) {
				if (step > lastStep) {
					lastStep = step;
					return code(step);
				}
			}
			sleep(1000);
		}
	}

	/** A six-digit code that is not the app's for any step Clientele accepts now. */
	public String wrongCode() {
		var current = step(Instant.now());
		var taken = java.util.Set.of(code(current - 1), code(current), code(current + 1), code(current + 2));
		for (var candidate = 0;; candidate += 111_111) {
			var code = String.format("%06d", candidate % 1_000_000);
			if (!taken.contains(code)) {
				return code;
			}
		}
	}

	private static long step(Instant now) {
		return Math.floorDiv(now.getEpochSecond(), 30);
	}

	private String code(long step) {
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
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
