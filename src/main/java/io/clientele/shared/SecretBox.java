package io.clientele.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the database (AES-256-GCM, a random 96-bit nonce per secret)
 * with the key every node is given ({@code clientele.encryption-key}). A sealed secret is
 * text, {@code v1:} + base64(nonce | ciphertext | tag); the purpose it was sealed for is
 * authenticated with it, so a ciphertext copied into another column (or another owner's
 * row) does not open.
 */
public final class SecretBox {

	/** The setting that holds the key. */
	public static final String SETTING = "clientele.encryption-key";

	private static final String VERSION = "v1:";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private SecretBox(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * The box for a key given as base64 of 32 bytes.
	 * @throws ConfigurationProblem if it is not
	 */
	public static SecretBox ofBase64(String key, String origin) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key.strip());
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != KEY_BYTES) {
			throw new ConfigurationProblem(origin + " is not 32 bytes in base64.", howToMakeAKey());
		}
		return new SecretBox(bytes);
	}

	/** A new random key, base64 of 32 bytes. */
	public static String newKey() {
		var bytes = new byte[KEY_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/** What a person does to get a key. */
	public static String howToMakeAKey() {
		return "Make one with `openssl rand -base64 32` and give it to every node as " + SETTING
				+ " (environment: CLIENTELE_ENCRYPTION_KEY); keep it: without it the stored secrets cannot be read.";
	}

	/** The secret encrypted for this purpose. */
	public String seal(String purpose, byte[] secret) {
		var nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			var cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
			var sealed = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(secret.length))
				.put(nonce)
				.put(cipher.doFinal(secret));
			return VERSION + Base64.getEncoder().encodeToString(sealed.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The secret sealed for this purpose.
	 * @throws Unreadable if it was sealed with another key or for another purpose, or was
	 * changed
	 */
	public byte[] open(String purpose, String sealed) {
		if (!sealed.startsWith(VERSION)) {
			throw new Unreadable(purpose, "it is not in the v1 form");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new Unreadable(purpose, "it is not base64");
		}
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new Unreadable(purpose, "it is too short");
		}
		try {
			return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), purpose).doFinal(bytes, NONCE_BYTES,
					bytes.length - NONCE_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new Unreadable(purpose, "it was sealed with another key or for another purpose, or was changed");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
		var cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	/** A sealed secret that does not open with this key for this purpose. */
	public static final class Unreadable extends RuntimeException {

		private final String purpose;

		Unreadable(String purpose, String reason) {
			super("A stored " + purpose + " cannot be decrypted: " + reason + ".", null, false, false);
			this.purpose = purpose;
		}

		public String purpose() {
			return purpose;
		}

	}

}
