package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;

/** Hashes other shop systems made keep working. */
class ForeignHashesTests {

	@Test
	void phpBcryptHashesWithThe2yPrefixAreVerified() {
		// the example of PHP's password_verify manual page
		var php = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

		assertThat(ForeignHashes.recognised(php)).isTrue();
		assertThat(ForeignHashes.verify(php, "rasmuslerdorf")).isTrue();
		assertThat(ForeignHashes.verify(php, "rasmuslerdorF")).isFalse();
	}

	@Test
	void bcryptHashesOfAnyCostAndPrefixAreVerified() {
		for (var prefix : new String[] { "$2a$", "$2b$" }) {
			var hash = BCrypt.hashpw("blue-kettle-harbour-7", BCrypt.gensalt(prefix.substring(0, 3), 4));
			assertThat(ForeignHashes.verify(hash, "blue-kettle-harbour-7")).as(prefix).isTrue();
			assertThat(ForeignHashes.verify(hash, "blue-kettle-harbour-8")).as(prefix).isFalse();
		}
		var costly = BCrypt.hashpw("blue-kettle-harbour-7", BCrypt.gensalt(12));
		assertThat(ForeignHashes.verify(costly, "blue-kettle-harbour-7")).isTrue();
	}

	@Test
	void hashesAreRecognisedOnlyUpToACostALoginCanAfford() {
		var php = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";
		var argon2 = "$argon2id$v=19$m=%d,t=%d,p=%d$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
		var pbkdf2 = "$pbkdf2-sha256$i=%d,l=32$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

		assertThat(ForeignHashes.recognised(php.replace("$10$", "$15$"))).isTrue();
		assertThat(ForeignHashes.recognised(php.replace("$10$", "$16$"))).isFalse();
		assertThat(ForeignHashes.recognised(argon2.formatted(262_144, 10, 16))).isTrue();
		assertThat(ForeignHashes.recognised(argon2.formatted(262_145, 2, 1))).isFalse();
		assertThat(ForeignHashes.recognised(argon2.formatted(19_456, 11, 1))).isFalse();
		assertThat(ForeignHashes.recognised(argon2.formatted(19_456, 2, 17))).isFalse();
		assertThat(ForeignHashes.recognised(argon2.formatted(19_456, 2, 99_999_999_999L))).isFalse();
		assertThat(ForeignHashes.recognised(pbkdf2.formatted(10_000_000))).isTrue();
		assertThat(ForeignHashes.recognised(pbkdf2.formatted(2_000_000_000))).isFalse();
	}

	@Test
	void argon2iAndArgon2idPhcStringsWithOtherParametersAreVerified() {
		var argon2i = Argon2Factory.create(Argon2Types.ARGON2i).hash(3, 4096, 1, "violet-lantern".toCharArray());
		var argon2id = Argon2Factory.create(Argon2Types.ARGON2id).hash(1, 8192, 2, "violet-lantern".toCharArray());

		assertThat(ForeignHashes.verify(argon2i, "violet-lantern")).isTrue();
		assertThat(ForeignHashes.verify(argon2i, "violet-lanterns")).isFalse();
		assertThat(ForeignHashes.verify(argon2id, "violet-lantern")).isTrue();
	}

	@Test
	void pbkdf2PhcStringsAndSpringsPbkdf2FormAreVerified() throws Exception {
		var salt = "0123456789abcdef".getBytes();
		var derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
			.generateSecret(new PBEKeySpec("orchard-3".toCharArray(), salt, 29000, 256))
			.getEncoded();
		var encoder = Base64.getEncoder().withoutPadding();
		var passlib = "$pbkdf2-sha256$29000$" + encoder.encodeToString(salt).replace('+', '.') + "$"
				+ encoder.encodeToString(derived).replace('+', '.');
		var phc = "$pbkdf2-sha256$i=29000,l=32$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(derived);
		var spring = "{pbkdf2}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("orchard-3");

		for (var hash : new String[] { passlib, phc, spring }) {
			assertThat(ForeignHashes.recognised(hash)).as(hash).isTrue();
			assertThat(ForeignHashes.verify(hash, "orchard-3")).as(hash).isTrue();
			assertThat(ForeignHashes.verify(hash, "orchard-4")).as(hash).isFalse();
		}
	}

	@Test
	void unknownAndMalformedHashesAreNeitherRecognisedNorVerified() {
		for (var hash : new String[] { "5f4dcc3b5aa765d61d8327deb882cf99", "$1$abc$def", "$2y$10$short",
				"$pbkdf2-sha256$x$y$z", "{pbkdf2}not-hex", "plain password" }) {
			assertThat(ForeignHashes.verify(hash, "password")).as(hash).isFalse();
		}
		assertThat(ForeignHashes.recognised("5f4dcc3b5aa765d61d8327deb882cf99")).isFalse();
		assertThat(ForeignHashes.recognised("$1$abc$def")).isFalse();
	}

}
