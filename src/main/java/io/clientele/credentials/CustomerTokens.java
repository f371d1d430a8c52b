package io.clientele.credentials;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clientele.customer.CustomerId;
import io.clientele.shared.OrderedUuid;
import io.clientele.shared.Sha256;

/**
 * E-mailed tokens: 256 random bits from a CSPRNG, sent once in a link and stored only as
 * their SHA-256 hash. A token works once, until it expires; a newer token of the same
 * purpose voids it.
 */
@Repository
class CustomerTokens {

	private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{43}$");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	CustomerTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new token for the customer; earlier unused tokens of the same purpose stop
	 * working.
	 */
	String issue(CustomerId customer, TokenPurpose purpose, Duration validity) {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var now = clock.instant();
		jdbc.sql("delete from credentials_token where customer_id = ? and purpose = ? and used_at is null")
			.params(customer.value(), purpose.name())
			.update();
		jdbc.sql("""
				insert into credentials_token (id, customer_id, purpose, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), customer.value(), purpose.name(), Sha256.hex(token), Timestamp.from(now),
					Timestamp.from(now.plus(validity)))
			.update();
		return token;
	}

	/**
	 * {@link #issue} for many customers in two statements: a new token each, in the order
	 * of the customers; their earlier unused tokens of the purpose stop working.
	 */
	List<String> issueAll(List<CustomerId> customers, TokenPurpose purpose, Duration validity) {
		if (customers.isEmpty()) {
			return List.of();
		}
		var size = customers.size();
		var random = new byte[32 * size];
		this.random.nextBytes(random);
		var encoder = Base64.getUrlEncoder().withoutPadding();
		var tokens = new ArrayList<String>(size);
		var tokenIds = new String[size];
		var ids = new String[size];
		var hashes = new String[size];
		for (var i = 0; i < size; i++) {
			var token = encoder.encodeToString(Arrays.copyOfRange(random, 32 * i, 32 * (i + 1)));
			tokens.add(token);
			tokenIds[i] = OrderedUuid.next().toString();
			ids[i] = customers.get(i).value().toString();
			hashes[i] = Sha256.hex(token);
		}
		var now = clock.instant();
		// Positional parameters: the driver gets the arrays as they are, the SQL casts
		// them.
		jdbc.sql("delete from credentials_token where customer_id = any(?::uuid[]) and purpose = ? and used_at is null")
			.params(List.of(ids, purpose.name()))
			.update();
		jdbc.sql("""
				insert into credentials_token (id, customer_id, purpose, token_hash, created_at, expires_at)
				select t.id, t.customer_id, ?::varchar, t.token_hash, ?::timestamptz, ?::timestamptz
				from unnest(?::uuid[], ?::uuid[], ?::text[]) as t(id, customer_id, token_hash)
				""")
			.params(List.of(purpose.name(), Timestamp.from(now), Timestamp.from(now.plus(validity)), tokenIds, ids,
					hashes))
			.update();
		return tokens;
	}

	/**
	 * A new e-mail change token carrying the new address; an earlier unused one stops
	 * working.
	 */
	String issueEmailChange(CustomerId customer, String newEmail, Duration validity) {
		var token = issue(customer, TokenPurpose.EMAIL_CHANGE, validity);
		jdbc.sql("update credentials_token set new_email = ? where token_hash = ?")
			.params(newEmail, Sha256.hex(token))
			.update();
		return token;
	}

	/** The new address an e-mail change token carries. */
	Optional<String> newEmail(String token) {
		if (!FORMAT.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("select new_email from credentials_token where token_hash = ? and purpose = ?")
			.params(Sha256.hex(token), TokenPurpose.EMAIL_CHANGE.name())
			.query(String.class)
			.optional();
	}

	/**
	 * The new address of the customer's e-mail change still waiting for its link (not
	 * used, not voided by a newer request or a password change).
	 */
	Optional<String> pendingEmailChange(CustomerId customer) {
		return jdbc
			.sql("select new_email from credentials_token where customer_id = ? and purpose = ? and used_at is null"
					+ " and new_email is not null order by created_at desc limit 1")
			.params(customer.value(), TokenPurpose.EMAIL_CHANGE.name())
			.query(String.class)
			.optional();
	}

	/** What the token is, without using it up. */
	TokenCheck check(String token, TokenPurpose purpose) {
		if (!FORMAT.matcher(token).matches()) {
			return new TokenCheck.Unknown();
		}
		return jdbc
			.sql("select customer_id, expires_at, used_at from credentials_token"
					+ " where token_hash = ? and purpose = ?")
			.params(Sha256.hex(token), purpose.name())
			.query((row, n) -> classify(row.getObject("customer_id", UUID.class),
					row.getTimestamp("expires_at").toInstant(), row.getTimestamp("used_at")))
			.optional()
			.orElse(new TokenCheck.Unknown());
	}

	/**
	 * Uses the token up and tells whose it was; two concurrent uses cannot both succeed.
	 */
	TokenCheck use(String token, TokenPurpose purpose) {
		if (!FORMAT.matcher(token).matches()) {
			return new TokenCheck.Unknown();
		}
		var now = clock.instant();
		Optional<UUID> customer = jdbc.sql("""
				update credentials_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning customer_id
				""")
			.param("now", Timestamp.from(now))
			.param("hash", Sha256.hex(token))
			.param("purpose", purpose.name())
			.query(UUID.class)
			.optional();
		return customer.<TokenCheck>map(id -> new TokenCheck.Valid(new CustomerId(id)))
			.orElseGet(() -> check(token, purpose));
	}

	/** Voids every unused token of the customer: after any password or e-mail change. */
	void voidAll(CustomerId customer) {
		jdbc.sql("delete from credentials_token where customer_id = ? and used_at is null")
			.param(customer.value())
			.update();
	}

	private TokenCheck classify(UUID customer, Instant expiresAt, java.sql.@Nullable Timestamp usedAt) {
		if (usedAt != null) {
			return new TokenCheck.Used();
		}
		if (!expiresAt.isAfter(clock.instant())) {
			return new TokenCheck.Expired();
		}
		return new TokenCheck.Valid(new CustomerId(customer));
	}

}
