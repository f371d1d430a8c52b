package io.clientele.api;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.authentication.AccessCutoff;
import io.clientele.credentials.PasswordChanged;
import io.clientele.customer.CustomerAnonymized;
import io.clientele.customer.CustomerBlocked;
import io.clientele.customer.CustomerId;
import io.clientele.shared.Sha256;

/**
 * Opaque refresh tokens, stored as SHA-256 only. Each use rotates the token; presenting
 * one that was already rotated means it was stolen or replayed, and revokes its whole
 * family. A family (one login's chain of rotations) ends at its absolute lifetime however
 * often it rotates, and when the customer's access is cut off after the login that began
 * it.
 */
@Component
class RefreshTokens {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApiSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AccessCutoff cutoff;

	RefreshTokens(JdbcClient jdbc, ApiSettings settings, TransactionTemplate transaction, Clock clock,
			AccessCutoff cutoff) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
		this.cutoff = cutoff;
	}

	/** A new token starting a new family (a login). */
	String issue(CustomerId customer) {
		return issue(customer, newFamily());
	}

	/**
	 * A new token starting the family given, chosen before the login was checked (so that
	 * its second factor's grace period opens for it).
	 */
	String issue(CustomerId customer, UUID family) {
		return insert(customer, family, clock.instant());
	}

	/** The id of a family yet to begin. */
	static UUID newFamily() {
		return UUID.randomUUID();
	}

	/**
	 * The customer and a new token in place of the given one; empty for an unknown,
	 * expired, revoked or already rotated token, the last revoking its family, and for a
	 * token of a family past its absolute lifetime or begun before the customer's
	 * cut-off.
	 */
	Optional<Rotation> rotate(String token) {
		return transaction.execute(status -> {
			var now = Timestamp.from(clock.instant());
			var row = jdbc.sql("""
					select id, family_id, customer_id, family_started_at, expires_at, rotated_at, revoked_at
					from api_refresh_token where token_hash = ? for update
					""")
				.param(Sha256.hex(token))
				.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
						rs.getObject("customer_id", UUID.class), rs.getTimestamp("family_started_at").toInstant(),
						rs.getTimestamp("expires_at"), rs.getTimestamp("rotated_at"), rs.getTimestamp("revoked_at")))
				.optional();
			if (row.isEmpty() || row.get().revokedAt() != null || !row.get().expiresAt().after(now)
					|| !familyEnd(row.get().familyStartedAt()).isAfter(now.toInstant())) {
				return Optional.<Rotation>empty();
			}
			var customer = new CustomerId(row.get().customerId());
			if (row.get().rotatedAt() != null || cutoff.isCutOff(customer, row.get().familyStartedAt())) {
				revokeFamily(row.get().familyId());
				return Optional.<Rotation>empty();
			}
			jdbc.sql("update api_refresh_token set rotated_at = ? where id = ?").params(now, row.get().id()).update();
			return Optional.of(new Rotation(customer, row.get().familyId(),
					insert(customer, row.get().familyId(), row.get().familyStartedAt())));
		});
	}

	/**
	 * Revokes the token if it is the customer's; another's token is left alone, silently.
	 */
	void revoke(CustomerId customer, String token) {
		jdbc.sql("update api_refresh_token set revoked_at = ? where token_hash = ? and customer_id = ?"
				+ " and revoked_at is null")
			.params(Timestamp.from(clock.instant()), Sha256.hex(token), customer.value())
			.update();
	}

	/** Revokes every refresh token of the customer. */
	void revokeAll(CustomerId customer) {
		jdbc.sql("update api_refresh_token set revoked_at = ? where customer_id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), customer.value())
			.update();
	}

	/** A password change or reset ends every app's refresh token of the customer. */
	@EventListener
	void on(PasswordChanged event) {
		revokeAll(event.customerId());
	}

	/** A closed account's apps are logged out. */
	@EventListener
	void on(CustomerAnonymized event) {
		revokeAll(event.customerId());
	}

	/** A blocked account's apps are logged out. */
	@EventListener
	void on(CustomerBlocked event) {
		revokeAll(event.customerId());
	}

	long lifetimeSeconds() {
		return settings.refreshTokenLifetime().toSeconds();
	}

	private void revokeFamily(UUID familyId) {
		jdbc.sql("update api_refresh_token set revoked_at = ? where family_id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), familyId)
			.update();
	}

	private Instant familyEnd(Instant familyStartedAt) {
		return familyStartedAt.plus(settings.refreshTokenMaxLifetime());
	}

	/** A rotation never carries a token past its family's absolute lifetime. */
	private String insert(CustomerId customer, UUID familyId, Instant familyStartedAt) {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var now = clock.instant();
		var expiresAt = now.plus(settings.refreshTokenLifetime());
		if (expiresAt.isAfter(familyEnd(familyStartedAt))) {
			expiresAt = familyEnd(familyStartedAt);
		}
		jdbc.sql("""
				insert into api_refresh_token
				    (id, family_id, customer_id, token_hash, created_at, family_started_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), familyId, customer.value(), Sha256.hex(token), Timestamp.from(now),
					Timestamp.from(familyStartedAt), Timestamp.from(expiresAt))
			.update();
		return token;
	}

	record Rotation(CustomerId customer, UUID family, String refreshToken) {
	}

	private record Row(UUID id, UUID familyId, UUID customerId, Instant familyStartedAt, Timestamp expiresAt,
			@Nullable Timestamp rotatedAt, @Nullable Timestamp revokedAt) {
	}

}
