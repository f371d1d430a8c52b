package io.clientele.credentials;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;

/**
 * argon2id hashes in PHC string form ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * computed by the native reference implementation on a bounded number of slots.
 */
@Component
class PasswordHashing {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private final Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);

	private final CredentialsSettings.Argon2 cost;

	private final CredentialsSettings.Hashing limits;

	private final Semaphore slots;

	static final String ARGON2ID = "argon2id";

	private volatile Consumer<String> operations = kind -> {
	};

	// Verified when there is no real hash, so that an unknown address costs what a known
	// one does.
	private final String decoy;

	private final @Nullable ForeignDecoys foreignDecoys;

	PasswordHashing(CredentialsSettings settings) {
		this(settings, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	PasswordHashing(CredentialsSettings settings, @Nullable ForeignDecoys foreignDecoys) {
		this.foreignDecoys = foreignDecoys;
		this.cost = settings.argon2();
		this.limits = settings.hashing();
		var max = limits.maxConcurrent() > 0 ? limits.maxConcurrent() : Runtime.getRuntime().availableProcessors();
		this.slots = new Semaphore(max, true);
		var random = new byte[24];
		new SecureRandom().nextBytes(random);
		this.decoy = hash(HexFormat.of().formatHex(random));
	}

	String hash(String password) {
		operations.accept(ARGON2ID);
		return withSlot(() -> argon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), normalized(password),
				StandardCharsets.UTF_8));
	}

	/**
	 * Whether the password matches the hash: Clientele's argon2id, or a hash another
	 * system made (see {@link ForeignHashes}); an outdated hash is then replaced by the
	 * caller ({@link #isOutdated}).
	 */
	boolean verify(String hash, String password) {
		if (!hash.startsWith("$argon2id$")) {
			operations.accept(ForeignHashes.shape(hash));
			return withSlot(() -> ForeignHashes.verify(hash, password));
		}
		operations.accept(ARGON2ID);
		var normalized = normalized(password);
		// an imported argon2id hash was made of the password as typed, without
		// normalisation
		return withSlot(() -> argon2.verify(hash, normalized, StandardCharsets.UTF_8)
				|| !normalized.equals(password) && ForeignHashes.verify(hash, password));
	}

	/** Spends the time of one verification and fails, for look-ups that found no hash. */
	void verifyDecoy(String password) {
		verify(decoy, password);
	}

	/**
	 * A login's verification, at the same cost whether the account holds Clientele's
	 * argon2id hash, an imported one or none: every path runs one argon2id operation and,
	 * while imported hashes remain, one verification of the imported kind (the real one,
	 * or {@code foreignDecoy}, a hash of the most common imported shape). A matching
	 * imported hash skips its argon2id decoy: the caller replaces that hash by hashing
	 * the password, which costs the same.
	 */
	boolean verifyEvenly(@Nullable String hash, String password) {
		return verifyEvenly(hash, password, foreignDecoys == null ? null : foreignDecoys.current());
	}

	boolean verifyEvenly(@Nullable String hash, String password, @Nullable String foreignDecoy) {
		if (hash != null && !hash.startsWith("$argon2id$")) {
			var matched = verify(hash, password);
			if (!matched) {
				verifyDecoy(password);
			}
			return matched;
		}
		var matched = hash != null ? verify(hash, password) : verifyFailing(password);
		if (foreignDecoy != null) {
			verify(foreignDecoy, password);
		}
		return matched;
	}

	private boolean verifyFailing(String password) {
		verifyDecoy(password);
		return false;
	}

	/** After imported hashes were stored: the decoy's shape is looked up again. */
	void importedHashesChanged() {
		if (foreignDecoys != null) {
			foreignDecoys.forget();
		}
	}

	/**
	 * Tells the kind of every hash operation from now on (argon2id, or the shape of an
	 * imported hash), for tests that count them.
	 */
	void recordOperations(Consumer<String> operations) {
		this.operations = operations;
	}

	/**
	 * Whether the hash was made with other parameters than today's and should be
	 * replaced.
	 */
	boolean isOutdated(String hash) {
		return !hash.startsWith("$argon2id$")
				|| argon2.needsRehash(hash, cost.iterations(), cost.memoryKib(), cost.parallelism());
	}

	// NIST SP 800-63B: normalise Unicode so that the same password typed on two keyboards
	// matches.
	private static char[] normalized(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
	}

	private <T> T withSlot(HashWork<T> work) {
		try {
			if (!slots.tryAcquire(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new PasswordHashingBusy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusy();
		}
		try {
			return work.run();
		}
		finally {
			slots.release();
		}
	}

	private interface HashWork<T> {

		T run();

	}

}
