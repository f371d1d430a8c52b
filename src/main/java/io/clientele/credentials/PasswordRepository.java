package io.clientele.credentials;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current password hash of each owner (a customer or a staff member). */
@Repository
class PasswordRepository {

	private final JdbcClient jdbc;

	PasswordRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> findHash(UUID ownerId) {
		return jdbc.sql("select hash from credentials_password where owner_id = ?")
			.param(ownerId)
			.query(String.class)
			.optional();
	}

	void store(UUID ownerId, String hash, Instant now) {
		jdbc.sql("""
				insert into credentials_password (owner_id, hash, changed_at) values (?, ?, ?)
				on conflict (owner_id) do update set hash = excluded.hash, changed_at = excluded.changed_at
				""").params(ownerId, hash, java.sql.Timestamp.from(now)).update();
	}

}
