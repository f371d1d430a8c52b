package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTests {

	PasswordHashing hashing = new PasswordHashing(CredentialsTestSettings.defaults());

	@Test
	void hashesWithArgon2idAtOwaspParametersInPhcForm() {
		var hash = hashing.hash("blue-kettle-77");

		assertThat(hash).matches("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
	}

	@Test
	void saltsEveryHash() {
		assertThat(hashing.hash("blue-kettle-77")).isNotEqualTo(hashing.hash("blue-kettle-77"));
	}

	@Test
	void verifiesTheRightPasswordOnly() {
		var hash = hashing.hash("blue-kettle-77");

		assertThat(hashing.verify(hash, "blue-kettle-77")).isTrue();
		assertThat(hashing.verify(hash, "blue-kettle-78")).isFalse();
	}

	@Test
	void treatsUnicodeCompositionsOfTheSamePasswordAlike() {
		var composed = "Zoë-kettle-77";
		var decomposed = "Zoe\u0308-kettle-77";

		assertThat(hashing.verify(hashing.hash(composed), decomposed)).isTrue();
	}

	@Test
	void anImportedArgon2idHashOfAPasswordAsTypedWithoutNormalisationIsVerified() {
		var decomposed = "Zoe\u0308-kettle-77";
		var imported = de.mkammerer.argon2.Argon2Factory.create(de.mkammerer.argon2.Argon2Factory.Argon2Types.ARGON2id)
			.hash(2, 19456, 1, decomposed.toCharArray());

		assertThat(hashing.verify(imported, decomposed)).isTrue();
		assertThat(hashing.verify(imported, "Zoe-kettle-77")).isFalse();
	}

	@Test
	void findsHashesWithOtherParametersOutdated() {
		var weaker = new PasswordHashing(CredentialsTestSettings.withArgon2(8192, 1));

		assertThat(hashing.isOutdated(weaker.hash("blue-kettle-77"))).isTrue();
		assertThat(hashing.isOutdated(hashing.hash("blue-kettle-77"))).isFalse();
	}

	@Test
	void decoyVerificationNeverSucceedsAndTakesAboutAsLongAsARealOne() {
		var hash = hashing.hash("blue-kettle-77");
		hashing.verify(hash, "warm-up-the-jit");
		hashing.verifyDecoy("warm-up-the-jit");

		var real = medianNanos(() -> hashing.verify(hash, "wrong-password-1"));
		var decoy = medianNanos(() -> hashing.verifyDecoy("wrong-password-1"));

		assertThat((double) decoy).isBetween(real * 0.5, real * 2.0);
	}

	static long medianNanos(Runnable action) {
		var samples = new long[7];
		for (int i = 0; i < samples.length; i++) {
			var start = System.nanoTime();
			action.run();
			samples[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(samples);
		return samples[samples.length / 2];
	}

}
