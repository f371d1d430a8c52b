package io.clientele.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * Sealed secrets open only with their key and for their purpose, and any changed byte
 * makes them unreadable.
 */
class SecretBoxTests {

	static final byte[] SECRET = "the authenticator secret".getBytes(StandardCharsets.UTF_8);

	SecretBox box = SecretBox.ofBase64(SecretBox.newKey(), "test key");

	@Test
	void aSealedSecretOpensForItsPurpose() {
		var sealed = box.seal("totp-secret", SECRET);

		assertThat(sealed).startsWith("v1:").doesNotContain("authenticator");
		assertThat(box.open("totp-secret", sealed)).isEqualTo(SECRET);
	}

	@Test
	void sealingTheSameSecretTwiceGivesDifferentTexts() {
		assertThat(box.seal("totp-secret", SECRET)).isNotEqualTo(box.seal("totp-secret", SECRET));
	}

	@Test
	void aCiphertextMovedToAColumnOfAnotherPurposeIsRefused() {
		var sealed = box.seal("totp-secret", SECRET);

		assertThatExceptionOfType(SecretBox.Unreadable.class).isThrownBy(() -> box.open("api-signing-key", sealed))
			.withMessageContaining("api-signing-key");
	}

	@Test
	void aTamperedByteIsRefused() {
		var bytes = Base64.getDecoder().decode(box.seal("totp-secret", SECRET).substring(3));
		for (var index : new int[] { 0, 12, bytes.length - 1 }) {
			var tampered = bytes.clone();
			tampered[index] ^= 1;

			assertThatExceptionOfType(SecretBox.Unreadable.class).as("byte %d changed", index)
				.isThrownBy(() -> box.open("totp-secret", "v1:" + Base64.getEncoder().encodeToString(tampered)));
		}
	}

	@Test
	void anotherKeyCannotOpenIt() {
		var sealed = box.seal("totp-secret", SECRET);

		assertThatExceptionOfType(SecretBox.Unreadable.class)
			.isThrownBy(() -> SecretBox.ofBase64(SecretBox.newKey(), "other").open("totp-secret", sealed))
			.withMessage("A stored totp-secret cannot be decrypted: it was sealed with another key or for another"
					+ " purpose, or was changed.");
	}

	@Test
	void aTruncatedOrUnversionedTextIsRefused() {
		var sealed = box.seal("totp-secret", SECRET);

		assertThatExceptionOfType(SecretBox.Unreadable.class).isThrownBy(() -> box.open("totp-secret", "v1:AAAA"));
		assertThatExceptionOfType(SecretBox.Unreadable.class)
			.isThrownBy(() -> box.open("totp-secret", sealed.substring(3)));
	}

	@Test
	void aKeyThatIsNot32BytesOfBase64IsAConfigurationProblemSayingHowToMakeOne() {
		var sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

		for (var wrong : new String[] { sixteenBytes, "not base64!", "" }) {
			assertThatExceptionOfType(ConfigurationProblem.class)
				.isThrownBy(() -> SecretBox.ofBase64(wrong, "clientele.encryption-key"))
				.withMessage("clientele.encryption-key is not 32 bytes in base64.")
				.satisfies((problem) -> assertThat(problem.action()).contains("openssl rand -base64 32"));
		}
	}

}
