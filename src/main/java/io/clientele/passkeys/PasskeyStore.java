package io.clientele.passkeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The passkey tables; every statement runs in the caller's transaction. */
@Component
class PasskeyStore {

	private final JdbcClient jdbc;

	PasskeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored passkey with what verification needs. */
	record StoredPasskey(UUID id, UUID customerId, byte[] credentialId, byte[] attestedCredentialData, long signCount,
			boolean uvInitialized, boolean backupEligible, boolean backedUp, @Nullable String transports, String name,
			Instant createdAt, @Nullable Instant lastUsedAt) {

		PasskeySummary summary() {
			return new PasskeySummary(id, name, createdAt, lastUsedAt);
		}

	}

	Optional<byte[]> userHandleOf(UUID customer) {
		return jdbc.sql("select user_handle from passkeys_account where customer_id = ?")
			.param(customer)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * The customer's user handle, made once; parallel first passkeys get the same one.
	 */
	byte[] userHandleFor(UUID customer, byte[] candidate) {
		jdbc.sql("insert into passkeys_account (customer_id, user_handle) values (?, ?) on conflict do nothing")
			.params(customer, candidate)
			.update();
		return userHandleOf(customer).orElseThrow();
	}

	Optional<StoredPasskey> findByCredentialId(byte[] credentialId) {
		return jdbc.sql("select * from passkeys_credential where credential_id = ?")
			.param(credentialId)
			.query(PasskeyStore::row)
			.optional();
	}

	List<StoredPasskey> findAll(UUID customer) {
		return jdbc.sql("select * from passkeys_credential where customer_id = ? order by created_at, id")
			.param(customer)
			.query(PasskeyStore::row)
			.list();
	}

	int count(UUID customer) {
		return jdbc.sql("select count(*) from passkeys_credential where customer_id = ?")
			.param(customer)
			.query(Integer.class)
			.single();
	}

	void insert(StoredPasskey passkey) {
		jdbc.sql("""
				insert into passkeys_credential (id, customer_id, credential_id, attested_credential_data, sign_count,
				    uv_initialized, backup_eligible, backed_up, transports, name, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(passkey.id(), passkey.customerId(), passkey.credentialId(), passkey.attestedCredentialData(),
					passkey.signCount(), passkey.uvInitialized(), passkey.backupEligible(), passkey.backedUp(),
					passkey.transports(), passkey.name(), Timestamp.from(passkey.createdAt()))
			.update();
	}

	/**
	 * Records a sign-in, only if the counter is still where the verification saw it: of
	 * two parallel answers with the same counter, one wins.
	 */
	boolean recordUse(UUID id, long expectedCount, long newCount, boolean backedUp, Instant usedAt) {
		return jdbc.sql("""
				update passkeys_credential set sign_count = ?, backed_up = ?, last_used_at = ?
				where id = ? and sign_count = ?
				""").params(newCount, backedUp, Timestamp.from(usedAt), id, expectedCount).update() == 1;
	}

	boolean rename(UUID customer, UUID id, String name) {
		return jdbc.sql("update passkeys_credential set name = ? where id = ? and customer_id = ?")
			.params(name, id, customer)
			.update() == 1;
	}

	Optional<StoredPasskey> delete(UUID customer, UUID id) {
		return jdbc.sql("delete from passkeys_credential where id = ? and customer_id = ? returning *")
			.params(id, customer)
			.query(PasskeyStore::row)
			.optional();
	}

	void deleteAll(UUID customer) {
		jdbc.sql("delete from passkeys_credential where customer_id = ?").param(customer).update();
		jdbc.sql("delete from passkeys_account where customer_id = ?").param(customer).update();
	}

	void storeChallenge(String challengeHash, Instant expiresAt, Instant now) {
		// answered or abandoned challenges leave nothing behind for long
		jdbc.sql("delete from passkeys_challenge where expires_at < ?").param(Timestamp.from(now)).update();
		jdbc.sql("insert into passkeys_challenge (challenge_hash, expires_at) values (?, ?)")
			.params(challengeHash, Timestamp.from(expiresAt))
			.update();
	}

	/** Uses up a challenge; false if it was used already or has expired. */
	boolean consumeChallenge(String challengeHash, Instant now) {
		return jdbc.sql("delete from passkeys_challenge where challenge_hash = ? and expires_at >= ?")
			.params(challengeHash, Timestamp.from(now))
			.update() == 1;
	}

	private static StoredPasskey row(ResultSet rs, int n) throws SQLException {
		var lastUsed = rs.getTimestamp("last_used_at");
		return new StoredPasskey(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getBytes("credential_id"), rs.getBytes("attested_credential_data"), rs.getLong("sign_count"),
				rs.getBoolean("uv_initialized"), rs.getBoolean("backup_eligible"), rs.getBoolean("backed_up"),
				rs.getString("transports"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
				lastUsed == null ? null : lastUsed.toInstant());
	}

}
