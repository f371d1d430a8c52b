package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * What a login costs, counted as the hash operations it runs: the same on every path, so
 * that the time of a wrong password does not tell whether the address has an account, or
 * one with an imported hash.
 */
class LoginTimingTests {

	// PHP's password_hash("rasmuslerdorf"), as most of a Spryker shop's imported rows
	static final String IMPORTED_BCRYPT = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

	final List<String> operations = new CopyOnWriteArrayList<>();

	final PasswordHashing hashing = new PasswordHashing(CredentialsTestSettings.defaults(),
			new ForeignDecoys(() -> List.of(IMPORTED_BCRYPT, IMPORTED_BCRYPT, "$2y$12$" + IMPORTED_BCRYPT.substring(7)),
					Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));

	@Test
	void aWrongPasswordCostsTheSameForAnUnknownAddressAnArgon2idAccountAndABcryptImportedAccount() {
		var argon2id = hashing.hash("violet-lantern-orchard-5");
		hashing.recordOperations(operations::add);

		var unknown = costOf(() -> hashing.verifyEvenly(null, "a-wrong-password-9"));
		var nativeAccount = costOf(() -> hashing.verifyEvenly(argon2id, "a-wrong-password-9"));
		var importedAccount = costOf(() -> hashing.verifyEvenly(IMPORTED_BCRYPT, "a-wrong-password-9"));

		assertThat(unknown).containsExactlyInAnyOrder("argon2id", "$2$10$");
		assertThat(nativeAccount).containsExactlyInAnyOrderElementsOf(unknown);
		assertThat(importedAccount).as("bcrypt of the same cost, then the argon2id decoy")
			.containsExactlyInAnyOrderElementsOf(unknown);
	}

	@Test
	void theRightPasswordOfAnImportedAccountSkipsTheArgon2idDecoyAsTheLoginHashesItAnew() {
		hashing.recordOperations(operations::add);

		assertThat(costOf(() -> assertThat(hashing.verifyEvenly(IMPORTED_BCRYPT, "rasmuslerdorf")).isTrue()))
			.containsExactly("$2$10$");
	}

	@Test
	void withoutImportedHashesEveryPathIsOneArgon2idVerification() {
		var plain = new PasswordHashing(CredentialsTestSettings.defaults(),
				new ForeignDecoys(List::of, Clock.systemUTC()));
		plain.recordOperations(operations::add);

		assertThat(costOf(() -> plain.verifyEvenly(null, "a-wrong-password-9"))).containsExactly("argon2id");
	}

	@Test
	void aDecoyHasTheShapeOfItsModelAndNoPasswordMatchesIt() {
		var pbkdf2 = "$pbkdf2-sha256$29000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

		for (var model : List.of(IMPORTED_BCRYPT, pbkdf2)) {
			var decoy = ForeignHashes.decoyLike(model);

			assertThat(ForeignHashes.shape(decoy)).isEqualTo(ForeignHashes.shape(model));
			assertThat(ForeignHashes.recognised(decoy)).isTrue();
			assertThat(decoy).isNotEqualTo(model);
		}
		assertThat(ForeignHashes.verify(ForeignHashes.decoyLike(IMPORTED_BCRYPT), "rasmuslerdorf")).isFalse();
	}

	private List<String> costOf(Runnable login) {
		operations.clear();
		login.run();
		return new ArrayList<>(operations);
	}

}
