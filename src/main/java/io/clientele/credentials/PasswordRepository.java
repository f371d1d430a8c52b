package io.clientele.credentials;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The current password hash of each owner (a customer or a staff member), and earlier
 * ones.
 */
@Repository
class PasswordRepository {

	private final JdbcClient jdbc;

	private final int historySize;

	PasswordRepository(JdbcClient jdbc, CredentialsSettings settings) {
		this.jdbc = jdbc;
		this.historySize = settings.passwordPolicy().historySize();
	}

	Optional<String> findHash(UUID ownerId) {
		return jdbc.sql("select hash from credentials_password where owner_id = ?")
			.param(ownerId)
			.query(String.class)
			.optional();
	}

	/**
	 * Sets the owner's hash; the one it replaces goes to the history when the policy
	 * keeps one, and only as many as it compares with.
	 */
	void store(UUID ownerId, String hash, Instant now) {
		// An old hash kept for nothing is one more to crack in a stolen database: with
		// the
		// history off, none is kept (and any left from an earlier setting goes).
		if (historySize > 0) {
			jdbc.sql("insert into credentials_password_history (owner_id, hash, changed_at)"
					+ " select owner_id, hash, changed_at from credentials_password where owner_id = ?")
				.param(ownerId)
				.update();
		}
		// the current hash and historySize - 1 earlier ones are compared
		jdbc.sql("delete from credentials_password_history where owner_id = :owner and changed_at not in"
				+ " (select changed_at from credentials_password_history where owner_id = :owner"
				+ " order by changed_at desc limit :keep)")
			.param("owner", ownerId)
			.param("keep", Math.max(historySize - 1, 0))
			.update();
		jdbc.sql("insert into credentials_password (owner_id, hash, changed_at) values (?, ?, ?)"
				+ " on conflict (owner_id) do update set hash = excluded.hash, changed_at = excluded.changed_at,"
				+ " must_change = false, expires_at = null, imported = false")
			.params(ownerId, hash, Timestamp.from(now))
			.update();
	}

	/**
	 * Replaces the hash of the same password by today's kind (at a login): the old one
	 * goes nowhere, and the password's age, and whether it must be changed, stay.
	 */
	void rehash(UUID ownerId, String hash) {
		jdbc.sql("update credentials_password set hash = ?, imported = false where owner_id = ?")
			.params(hash, ownerId)
			.update();
	}

	/**
	 * Stores imported hashes: for owners without a password, and in place of an earlier
	 * imported hash that the owner has not used since. Returns the owners whose hash was
	 * written.
	 */
	List<UUID> storeImported(List<UUID> owners, List<String> hashes, Instant now) {
		return jdbc.sql("""
				insert into credentials_password (owner_id, hash, changed_at, imported)
				select owner, hash, ?, true from unnest(?::uuid[], ?::text[]) as imported (owner, hash)
				on conflict (owner_id) do update set hash = excluded.hash, changed_at = excluded.changed_at
				where credentials_password.imported and credentials_password.hash <> excluded.hash
				returning owner_id
				""")
			.params(Timestamp.from(now), owners.stream().map(UUID::toString).toArray(String[]::new),
					hashes.toArray(String[]::new))
			.query(UUID.class)
			.list();
	}

	/**
	 * Up to {@code count} imported hashes of another system still in use (not yet
	 * replaced at a login).
	 */
	List<String> sampleImportedForeignHashes(int count) {
		return jdbc.sql("select hash from credentials_password where imported and hash not like '$argon2id$%' limit ?")
			.param(count)
			.query(String.class)
			.list();
	}

	/** The current hashes of the owners that have one, in one query. */
	Map<UUID, String> findHashes(Collection<UUID> owners) {
		var hashes = new HashMap<UUID, String>();
		jdbc.sql("select owner_id, hash from credentials_password where owner_id = any(?::uuid[])")
			.param(owners.stream().map(UUID::toString).toArray(String[]::new))
			.query(row -> {
				hashes.put(row.getObject("owner_id", UUID.class), row.getString("hash"));
			});
		return hashes;
	}

	/** A password that works until {@code expiresAt} and must be changed at the login. */
	void storeTemporary(UUID ownerId, String hash, Instant now, Instant expiresAt) {
		store(ownerId, hash, now);
		jdbc.sql("update credentials_password set must_change = true, expires_at = ? where owner_id = ?")
			.params(Timestamp.from(expiresAt), ownerId)
			.update();
	}

	/** Whether the owner's password is a temporary one whose time is up. */
	boolean expired(UUID ownerId, Instant now) {
		return jdbc
			.sql("select expires_at is not null and expires_at <= ? from credentials_password where owner_id = ?")
			.params(Timestamp.from(now), ownerId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Whether staff asked the owner to choose a new password at the next login. */
	boolean mustChange(UUID ownerId) {
		return jdbc.sql("select must_change from credentials_password where owner_id = ?")
			.param(ownerId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Asks the owner to choose a new password at the next login; false when there is no
	 * password.
	 */
	boolean requireChange(UUID ownerId) {
		return jdbc.sql("update credentials_password set must_change = true where owner_id = ?")
			.param(ownerId)
			.update() > 0;
	}

	/**
	 * The owner's current hash and the ones before it, newest first, {@code count} in
	 * all.
	 */
	List<String> recentHashes(UUID ownerId, int count) {
		return jdbc
			.sql("select hash from (select hash, changed_at from credentials_password where owner_id = :owner"
					+ " union all select hash, changed_at from credentials_password_history where owner_id = :owner)"
					+ " hashes order by changed_at desc limit :count")
			.param("owner", ownerId)
			.param("count", count)
			.query(String.class)
			.list();
	}

}
