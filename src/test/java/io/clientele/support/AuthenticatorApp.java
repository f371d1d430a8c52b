package io.clientele.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * An authenticator app on a test's phone: RFC 6238 codes (HMAC-SHA-1, 30-second steps,
 * six digits) of a secret typed in from the enrolment page, computed here independently
 * of the application's own implementation. The server takes each step's code once and
 * accepts one step of drift, so {@link #nextCode()} hands out the current step's code and
 * then the next one, and waits for a new step when both are used.
 */
public final class AuthenticatorApp {

	private final byte[] secret;

	private long lastStep = Long.MIN_VALUE;

	/** The app with the secret as the page shows it (Base32, spaces allowed). */
	public AuthenticatorApp(String typedSecret) {
		this.secret = new Base32().decode(typedSecret.replace(" ", "").toUpperCase(Locale.ROOT));
	}

	/** The secret in Base32 without spaces, as an authenticator URI carries it. */
	public String secret() {
		return new Base32().encodeAsString(secret).replace("=", "");
	}

	public static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), 30);
	}

	/** The code the app shows now (which the server may have taken already). */
	public String currentCode() {
		return codeAt(step(Instant.now()));
	}

	/** A code the server has not taken from this app yet. */
	public synchronized String nextCode() {
		while (true) {
			var current = step(Instant.now());
			var step = Math.max(current, lastStep + 1);
			if (step <= current + 1) {
				lastStep = step;
				return codeAt(step);
			}
			sleepUntil((current + 1) * 30_000);
		}
	}

	/** The code handed out last by {@link #nextCode()}, to replay it. */
	public synchronized String lastCode() {
		return codeAt(lastStep);
	}

	/** The code of one time step. */
	public String codeAt(long step) {
		try {
			var mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			var hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			var offset = hash[hash.length - 1] & 0x0f;
			var binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return "%06d".formatted(binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A six-digit code that is none of the three the server would accept now. */
	public String wrongCode() {
		var current = step(Instant.now());
		for (var candidate = 0;; candidate++) {
			var code = "%06d".formatted((Integer.parseInt(currentCode()) + 1 + candidate) % 1_000_000);
			if (!code.equals(codeAt(current - 1)) && !code.equals(codeAt(current)) && !code.equals(codeAt(current + 1))
					&& !code.equals(codeAt(current + 2))) {
				return code;
			}
		}
	}

	private static void sleepUntil(long epochMillis) {
		try {
			Thread.sleep(Math.max(1, epochMillis - System.currentTimeMillis() + 100));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
