package io.clientele.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * An authenticator app as the customer's phone runs it: RFC 6238 codes (HMAC-SHA-1,
 * 30-second steps, six digits) from the Base32 secret the enrolment showed, written apart
 * from Clientele's own implementation so that the tests check it against the RFC.
 */
public final class AuthenticatorApp {

	private static final long STEP_SECONDS = 30;

	private final byte[] secret;

	private long lastStep = Long.MIN_VALUE;

	public AuthenticatorApp(String base32Secret) {
		this.secret = new Base32().decode(base32Secret);
	}

	/**
	 * A code Clientele has not seen yet: of the current step, or of the next one (one
	 * step of drift is accepted); when both were handed out, waits for the next step.
	 */
	public synchronized String nextCode() {
		while (true) {
			var current = step(Instant.now());
			var step = Math.max(current, lastStep + 1);
			if (step <= current + 1) {
				lastStep = step;
				return code(step);
			}
			sleepUntil((current + 1) * STEP_SECONDS * 1000);
		}
	}

	/** The code handed out last, to replay it. */
	public synchronized String lastCode() {
		return code(lastStep);
	}

	/** A six-digit code that is none of the codes Clientele accepts right now. */
	public String wrongCode() {
		var current = step(Instant.now());
		for (var candidate = 0; candidate < 1_000_000; candidate++) {
			var code = "%06d".formatted(candidate);
			if (!code.equals(code(current - 1)) && !code.equals(code(current)) && !code.equals(code(current + 1))
					&& !code.equals(code(current + 2))) {
				return code;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	private static long step(Instant now) {
		return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
	}

	private String code(long step) {
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

	private static void sleepUntil(long epochMillis) {
		try {
			Thread.sleep(Math.max(1, epochMillis - System.currentTimeMillis() + 50));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
