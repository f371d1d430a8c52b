package io.clientele.authentication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.shared.Sha256;

/**
 * Counts failed logins per account and per client address and blocks either for a while.
 * An account is keyed by a hash of its lower-case address, whether or not the address has
 * an account, so that blocking tells nothing about which addresses exist.
 */
@Component
public class LoginThrottle {

	/** What a recorded failure did: whether it started a block, and for how long. */
	public record Failure(boolean accountBlocked, int accountBlocks, Duration blockedFor) {

		/**
		 * The first block of an account since its last successful login: its owner is
		 * told.
		 */
		public boolean firstAccountBlock() {
			return accountBlocked && accountBlocks == 1;
		}

	}

	private record Counter(int failures, Instant windowStart, @Nullable Instant blockedUntil, int blocks) {
	}

	private final JdbcClient jdbc;

	private final LockoutSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	public LoginThrottle(JdbcClient jdbc, LockoutSettings settings, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** How long the account or the client address is still blocked, if at all. */
	public Optional<Duration> blockedFor(String email, @Nullable String clientAddress) {
		var now = clock.instant();
		var account = remaining(accountKey(email), now);
		var client = clientAddress == null ? Optional.<Duration>empty() : remaining(clientKey(clientAddress), now);
		if (account.isPresent() && client.isPresent()) {
			return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
		}
		return account.or(() -> client);
	}

	/** Counts a failed login against the account and the client address. */
	public Failure recordFailure(String email, @Nullable String clientAddress) {
		if (clientAddress != null) {
			count(clientKey(clientAddress), settings.clientMaxFailures(), settings.clientBlockFor(),
					settings.clientBlockFor());
		}
		return count(accountKey(email), settings.maxFailures(), settings.blockFor(), settings.maxBlock());
	}

	/** A successful login or a password reset: the account starts afresh. */
	public void clear(String email) {
		jdbc.sql("delete from authentication_failure_counter where counter_key = ?").param(accountKey(email)).update();
	}

	/**
	 * Notes whose account a blocked key is, so that staff can list the locked accounts;
	 * the key itself stays a hash.
	 */
	public void attribute(String email, java.util.UUID customer) {
		jdbc.sql("update authentication_failure_counter set customer_id = ? where counter_key = ?")
			.params(customer, accountKey(email))
			.update();
	}

	/** The customers whose accounts are blocked right now. */
	public java.util.List<java.util.UUID> lockedCustomers() {
		return jdbc
			.sql("select customer_id from authentication_failure_counter where customer_id is not null"
					+ " and blocked_until > ?")
			.param(Timestamp.from(clock.instant()))
			.query(java.util.UUID.class)
			.list();
	}

	private Optional<Duration> remaining(String key, Instant now) {
		return jdbc.sql("select blocked_until from authentication_failure_counter where counter_key = ?")
			.param(key)
			.query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
			.optional()
			.flatMap(until -> until)
			.filter(now::isBefore)
			.map(until -> Duration.between(now, until));
	}

	private Failure count(String key, int maxFailures, Duration firstBlock, Duration maxBlock) {
		return transaction.execute(status -> {
			var now = clock.instant();
			jdbc.sql("insert into authentication_failure_counter (counter_key, failures, window_start, blocks)"
					+ " values (?, 0, ?, 0) on conflict (counter_key) do nothing")
				.params(key, Timestamp.from(now))
				.update();
			var counter = jdbc
				.sql("select failures, window_start, blocked_until, blocks"
						+ " from authentication_failure_counter where counter_key = ? for update")
				.param(key)
				.query((row, n) -> new Counter(row.getInt(1), row.getTimestamp(2).toInstant(),
						row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant(), row.getInt(4)))
				.single();
			var windowOver = !counter.windowStart().isAfter(now.minus(settings.window()));
			var windowStart = windowOver ? now : counter.windowStart();
			var failures = (windowOver ? 0 : counter.failures()) + 1;
			var blocks = counter.blocks();
			var blockedUntil = counter.blockedUntil();
			var blocked = failures >= maxFailures;
			var blockedFor = Duration.ZERO;
			if (blocked) {
				blocks++;
				var doubled = firstBlock.multipliedBy(1L << Math.min(blocks - 1, 20));
				blockedFor = doubled.compareTo(maxBlock) > 0 ? maxBlock : doubled;
				blockedUntil = now.plus(blockedFor);
				failures = 0;
				windowStart = now;
			}
			jdbc.sql("update authentication_failure_counter set failures = ?, window_start = ?, blocked_until = ?,"
					+ " blocks = ? where counter_key = ?")
				.params(failures, Timestamp.from(windowStart),
						blockedUntil == null ? null : Timestamp.from(blockedUntil), blocks, key)
				.update();
			return new Failure(blocked, blocks, blockedFor);
		});
	}

	private static String accountKey(String email) {
		return "account:" + Sha256.hex(email.strip().toLowerCase(Locale.ROOT));
	}

	private static String clientKey(String clientAddress) {
		return "client:" + Sha256.hex(clientAddress);
	}

}
