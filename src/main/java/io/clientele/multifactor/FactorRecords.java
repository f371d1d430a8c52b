package io.clientele.multifactor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clientele.shared.OneNodeAtATime;
import io.clientele.shared.SecretBox;
import io.clientele.shared.Sha256;

/**
 * The tables of second factors. Codes are stored as hashes bound to their owner, so a
 * code of one account never matches another's. Authenticator secrets are sealed with the
 * encryption key for their owner ({@code secret_encrypted}); a plaintext one of an older
 * Clientele ({@code secret}) is still read, and sealed by
 * {@link #sealPlaintextSecrets()}.
 */
@Repository
class FactorRecords {

	/** An owner's method row. */
	record Method(FactorType type, FactorStatus status, byte @Nullable [] secret, @Nullable Long lastStep,
			@Nullable Instant enabledAt) {
	}

	/** The owner's flow, locked for the rest of the transaction. */
	record Flow(int wrongCodes, int resets, @Nullable Instant lockedUntil) {
	}

	private final JdbcClient jdbc;

	private final SecretBox box;

	FactorRecords(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	/** Bound to the owner too, so a sealed secret copied to another row does not open. */
	static String purpose(FactorOwner.Kind kind, UUID owner) {
		return "totp-secret:" + kind.name() + ":" + owner;
	}

	static String hash(FactorOwner owner, String code) {
		return Sha256.hex(owner.id() + ":" + code);
	}

	List<Method> methods(FactorOwner owner) {
		return jdbc.sql("""
				select type, status, secret, last_step, enabled_at, secret_encrypted from multifactor_method
				where owner_kind = ? and owner_id = ? order by type""")
			.param(owner.kind().name())
			.param(owner.id())
			.query((rs, row) -> new Method(FactorType.ofGlueName(rs.getString(1)).orElseThrow(),
					FactorStatus.ofCode(rs.getInt(2)), secret(owner, rs.getString(6), rs.getBytes(3)),
					rs.getObject(4, Long.class), instant(rs.getTimestamp(5))))
			.list();
	}

	private byte @Nullable [] secret(FactorOwner owner, @Nullable String sealed, byte @Nullable [] plaintext) {
		return sealed != null ? box.open(purpose(owner.kind(), owner.id()), sealed) : plaintext;
	}

	/**
	 * Seals the plaintext secrets rows of an older Clientele still have; a node starting
	 * at the same time seals the same rows again, harmlessly.
	 * @return how many rows were sealed
	 */
	int sealPlaintextSecrets() {
		record Row(String kind, UUID owner, String type, byte[] secret) {
		}
		var rows = jdbc
			.sql("select owner_kind, owner_id, type, secret from multifactor_method where secret is not null")
			.query((rs, row) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBytes(4)))
			.list();
		var sealed = 0;
		for (var row : rows) {
			sealed += jdbc.sql("""
					update multifactor_method set secret_encrypted = ?, secret = null
					where owner_kind = ? and owner_id = ? and type = ? and secret = ?""")
				.params(box.seal(purpose(FactorOwner.Kind.valueOf(row.kind()), row.owner()), row.secret()), row.kind(),
						row.owner(), row.type(), row.secret())
				.update();
		}
		return sealed;
	}

	Optional<Method> method(FactorOwner owner, FactorType type) {
		return methods(owner).stream().filter((method) -> method.type() == type).findFirst();
	}

	boolean anyEnabled(FactorOwner.Kind kind, UUID owner) {
		return jdbc
			.sql("select exists (select 1 from multifactor_method where owner_kind = ? and owner_id = ?"
					+ " and status = 2)")
			.param(kind.name())
			.param(owner)
			.query(Boolean.class)
			.single();
	}

	/** Starts (or starts again) turning a method on, with a new secret for an app. */
	void startActivation(FactorOwner owner, FactorType type, byte @Nullable [] secret, Instant now) {
		jdbc.sql("""
				insert into multifactor_method (owner_kind, owner_id, type, status, secret_encrypted, created_at)
				values (?, ?, ?, 1, ?, ?)
				on conflict (owner_kind, owner_id, type) do update
				set secret = null, secret_encrypted = excluded.secret_encrypted, last_step = null,
				    created_at = excluded.created_at
				where multifactor_method.status = 1""")
			.params(owner.kind().name(), owner.id(), type.glueName(),
					secret == null ? null : box.seal(purpose(owner.kind(), owner.id()), secret), Timestamp.from(now))
			.update();
	}

	/** Turns an activating method on; false if it was not activating. */
	boolean enable(FactorOwner owner, FactorType type, Instant now) {
		return jdbc
			.sql("update multifactor_method set status = 2, enabled_at = ? where owner_kind = ? and owner_id = ?"
					+ " and type = ? and status = 1")
			.params(Timestamp.from(now), owner.kind().name(), owner.id(), type.glueName())
			.update() == 1;
	}

	boolean delete(FactorOwner owner, FactorType type) {
		return jdbc.sql("delete from multifactor_method where owner_kind = ? and owner_id = ? and type = ?")
			.params(owner.kind().name(), owner.id(), type.glueName())
			.update() == 1;
	}

	/**
	 * Records the step of an app code as used; false if that step or a later one was used
	 * already (a parallel request with the same code).
	 */
	boolean useStep(FactorOwner owner, FactorType type, long step) {
		return jdbc.sql("""
				update multifactor_method set last_step = ?
				where owner_kind = ? and owner_id = ? and type = ? and (last_step is null or last_step < ?)""")
			.params(step, owner.kind().name(), owner.id(), type.glueName(), step)
			.update() == 1;
	}

	/** The owner's flow row, created if need be and locked until the transaction ends. */
	Flow lockFlow(FactorOwner owner, Instant now) {
		jdbc.sql("""
				insert into multifactor_flow (owner_kind, owner_id, updated_at) values (?, ?, ?)
				on conflict (owner_kind, owner_id) do nothing""")
			.params(owner.kind().name(), owner.id(), Timestamp.from(now))
			.update();
		return jdbc
			.sql("select wrong_codes, resets, locked_until from multifactor_flow where owner_kind = ? and owner_id = ?"
					+ " for update")
			.params(owner.kind().name(), owner.id())
			.query((rs, row) -> new Flow(rs.getInt(1), rs.getInt(2), instant(rs.getTimestamp(3))))
			.single();
	}

	void saveFlow(FactorOwner owner, Flow flow, Instant now) {
		jdbc.sql("""
				update multifactor_flow set wrong_codes = ?, resets = ?, locked_until = ?, updated_at = ?
				where owner_kind = ? and owner_id = ?""")
			.params(flow.wrongCodes(), flow.resets(), timestamp(flow.lockedUntil()), Timestamp.from(now),
					owner.kind().name(), owner.id())
			.update();
	}

	/** Stores a mailed code, keeping at most {@code keep} live ones. */
	void addEmailCode(FactorOwner owner, String code, Instant now, Instant expiresAt, int keep) {
		jdbc.sql("""
				insert into multifactor_code (owner_kind, owner_id, code_hash, sent_at, expires_at)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(owner.kind().name(), owner.id(), hash(owner, code), Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
		jdbc.sql("update multifactor_flow set last_code_at = ? where owner_kind = ? and owner_id = ?")
			.params(Timestamp.from(now), owner.kind().name(), owner.id())
			.update();
		jdbc.sql("""
				delete from multifactor_code where owner_kind = ? and owner_id = ? and code_hash not in (
				    select code_hash from multifactor_code where owner_kind = ? and owner_id = ?
				    order by sent_at desc limit ?)""")
			.params(owner.kind().name(), owner.id(), owner.kind().name(), owner.id(), keep)
			.update();
	}

	/** When the owner's last code was mailed, even if it is used or void by now. */
	Optional<Instant> lastEmailCodeSent(FactorOwner owner) {
		return Optional
			.ofNullable(jdbc.sql("select last_code_at from multifactor_flow where owner_kind = ? and owner_id = ?")
				.params(owner.kind().name(), owner.id())
				.query((rs, row) -> instant(rs.getTimestamp(1)))
				.optional()
				.orElse(null));
	}

	/** Uses a mailed code: true if it was live, and then it is gone. */
	boolean useEmailCode(FactorOwner owner, String code, Instant now) {
		return jdbc
			.sql("delete from multifactor_code where owner_kind = ? and owner_id = ? and code_hash = ?"
					+ " and expires_at > ?")
			.params(owner.kind().name(), owner.id(), hash(owner, code), Timestamp.from(now))
			.update() == 1;
	}

	void deleteEmailCodes(FactorOwner owner) {
		jdbc.sql("delete from multifactor_code where owner_kind = ? and owner_id = ?")
			.params(owner.kind().name(), owner.id())
			.update();
	}

	int liveRecoveryCodes(FactorOwner owner) {
		return jdbc
			.sql("select count(*) from multifactor_recovery_code where owner_kind = ? and owner_id = ?"
					+ " and used_at is null")
			.params(owner.kind().name(), owner.id())
			.query(Integer.class)
			.single();
	}

	/** Replaces the owner's recovery codes with these. */
	void replaceRecoveryCodes(FactorOwner owner, List<String> codes, Instant now) {
		deleteRecoveryCodes(owner);
		var rows = new ArrayList<Object[]>(codes.size());
		for (var code : codes) {
			rows.add(new Object[] { owner.kind().name(), owner.id(), hash(owner, RecoveryCodes.normalize(code)),
					Timestamp.from(now) });
		}
		for (var row : rows) {
			jdbc.sql("insert into multifactor_recovery_code (owner_kind, owner_id, code_hash, created_at)"
					+ " values (?, ?, ?, ?)")
				.params(row)
				.update();
		}
	}

	/** Uses a recovery code: true if it was unused, and then it is used. */
	boolean useRecoveryCode(FactorOwner owner, String normalized, Instant now) {
		return jdbc.sql("""
				update multifactor_recovery_code set used_at = ?
				where owner_kind = ? and owner_id = ? and code_hash = ? and used_at is null""")
			.params(Timestamp.from(now), owner.kind().name(), owner.id(), hash(owner, normalized))
			.update() == 1;
	}

	void deleteRecoveryCodes(FactorOwner owner) {
		jdbc.sql("delete from multifactor_recovery_code where owner_kind = ? and owner_id = ?")
			.params(owner.kind().name(), owner.id())
			.update();
	}

	boolean inGrace(FactorOwner owner, String graceKey, Instant now) {
		return jdbc
			.sql("select exists (select 1 from multifactor_grace where owner_kind = ? and owner_id = ?"
					+ " and context_hash = ? and until > ?)")
			.params(owner.kind().name(), owner.id(), Sha256.hex(graceKey), Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

	void openGrace(FactorOwner owner, String graceKey, Instant until) {
		jdbc.sql("""
				insert into multifactor_grace (owner_kind, owner_id, context_hash, until) values (?, ?, ?, ?)
				on conflict (owner_kind, owner_id, context_hash) do update set until = excluded.until""")
			.params(owner.kind().name(), owner.id(), Sha256.hex(graceKey), Timestamp.from(until))
			.update();
	}

	/** Removes every trace of the owner's second factors. */
	void forget(FactorOwner.Kind kind, UUID owner) {
		for (var table : List.of("multifactor_method", "multifactor_code", "multifactor_flow",
				"multifactor_recovery_code", "multifactor_grace")) {
			jdbc.sql("delete from " + table + " where owner_kind = ? and owner_id = ?")
				.params(kind.name(), owner)
				.update();
		}
	}

	/** Whether this node purges now: see {@link OneNodeAtATime}. */
	boolean claimPurge() {
		return OneNodeAtATime.claim(jdbc, "mfa-purge");
	}

	/** Deletes expired codes and grace periods and idle flows; one statement each. */
	int purge(Instant now, Instant idleBefore) {
		var at = Timestamp.from(now);
		return jdbc.sql("delete from multifactor_code where expires_at <= ?").param(at).update()
				+ jdbc.sql("delete from multifactor_grace where until <= ?").param(at).update()
				+ jdbc.sql(
						"delete from multifactor_flow where updated_at < ? and (locked_until is null or locked_until <= ?)")
					.params(Timestamp.from(idleBefore), at)
					.update();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
