package io.clientele.multifactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Authenticator codes against RFC 6238's test vectors (SHA-1, last six digits). */
class TotpTests {

	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void codesAreThoseOfRfc6238() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
	}

	@Test
	void oneStepOfClockDriftIsAcceptedEachWayAndNoMore() {
		var now = Instant.ofEpochSecond(1234567890);
		var step = Totp.step(now);

		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, Long.MIN_VALUE)).hasValue(step - 1);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, Long.MIN_VALUE)).hasValue(step + 1);
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, Long.MIN_VALUE)).isEmpty();
	}

	@Test
	void aCodeOfAStepUsedAlreadyOrEarlierNeverMatches() {
		var now = Instant.ofEpochSecond(1234567890);
		var step = Totp.step(now);

		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step)).isEmpty();
		assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)).isEmpty();
	}

	@Test
	void theUriCarriesTheSecretInBase32AndTheIssuer() {
		var uri = Totp.uri("Clientele Shop", "anna@example.com", RFC_SECRET);

		assertThat(uri).isEqualTo("otpauth://totp/Clientele%20Shop:anna%40example.com"
				+ "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Clientele%20Shop&algorithm=SHA1&digits=6&period=30");
	}

}
