package io.clientele.credentials;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.shared.OneNodeAtATime;
import io.clientele.shared.Sha256;

/**
 * Counts failed password checks per account, per client address and per trusted device,
 * and blocks each for a while. Every check <em>reserves</em> its attempt before the
 * password is hashed, in one conditional statement per counter, so that parallel requests
 * on any number of nodes never get more guesses than the limit: the attempt that would
 * exceed it is refused unhashed. A success clears what it reserved.
 * <p>
 * A browser or app that has logged in to the account before holds a signed device token
 * (OWASP's device cookies): its failures count on the device alone, with the same limit,
 * so someone else locking the account out does not lock out its owner. Accounts are keyed
 * by a hash of the lower-case login, whether or not it has an account, so a block tells
 * nothing about which addresses exist.
 */
@Component
public class LoginThrottle {

	/**
	 * What a failed check did: whether it started a block (of the account, or of a
	 * trusted device), for how long.
	 */
	record Failure(boolean blocked, boolean accountBlocked, int accountBlocks, Duration blockedFor) {

		/** The first block of an account since its last success: its owner is told. */
		public boolean firstAccountBlock() {
			return accountBlocked && accountBlocks == 1;
		}

	}

	/** Whether an attempt may be checked. */
	sealed interface Admission {

	}

	/**
	 * The attempt is counted already; {@link #failed} or {@link #succeeded} settles it.
	 */
	record Admitted(String login, String counterKey, @Nullable String clientKey,
			boolean trustedDevice) implements Admission {
	}

	/** Too many failures: refused without hashing; {@code remaining} is the wait. */
	record Refused(Duration remaining) implements Admission {
	}

	private static final String DEVICE_TOKEN_VERSION = "d1";

	private static final int NONCE_BYTES = 16;

	private final JdbcClient jdbc;

	private final LockoutSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	// the device key, read once from the database; it never changes, so every node may
	// keep it
	private volatile byte @Nullable [] deviceKey;

	public LoginThrottle(JdbcClient jdbc, LockoutSettings settings, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Checks a password under the lockout: the attempt is reserved first, so
	 * {@code verification} (the hashing) runs only when the limit allows; then it is
	 * settled: a success clears, a failure counts and goes to {@code onFailure}, and a
	 * check that never got a hashing slot does not count.
	 */
	<T> PasswordCheck<T> guard(String login, LoginAttempt attempt, java.util.function.BooleanSupplier verification,
			java.util.function.Supplier<T> onSuccess, java.util.function.Consumer<Failure> onFailure) {
		var admission = reserve(login, attempt);
		if (admission instanceof Refused refused) {
			return new PasswordCheck.Blocked<>(refused.remaining());
		}
		var admitted = (Admitted) admission;
		boolean right;
		try {
			right = verification.getAsBoolean();
		}
		catch (PasswordHashingBusy ex) {
			released(admitted);
			throw ex;
		}
		if (!right) {
			var failure = failed(admitted);
			onFailure.accept(failure);
			return failure.blocked() ? new PasswordCheck.Blocked<>(failure.blockedFor()) : new PasswordCheck.Failed<>();
		}
		succeeded(admitted);
		return new PasswordCheck.Passed<>(onSuccess.get(), deviceToken(login));
	}

	/**
	 * Reserves one attempt for the login from this client before its password is checked.
	 * A valid device token for the login counts on its device; otherwise on the account
	 * and the client address together, both or neither.
	 */
	Admission reserve(String login, LoginAttempt attempt) {
		var now = clock.instant();
		var account = accountKey(login);
		var device = trustedDeviceKey(account, attempt.deviceToken(), now);
		if (device.isPresent()) {
			// a trusted device counts on its own alone: someone holding it gets no more
			// guesses than anyone else
			return take(device.get(), settings.maxFailures(), now) ? new Admitted(login, device.get(), null, true)
					: new Refused(remaining(device.get(), now).orElse(settings.blockFor()));
		}
		var client = attempt.clientAddress() == null ? null : clientKey(attempt.clientAddress());
		var admitted = transaction.execute(status -> {
			if (!take(account, settings.maxFailures(), now)) {
				return false;
			}
			if (client != null && !take(client, settings.clientMaxFailures(), now)) {
				// neither counter moves: the account's reservation is undone
				status.setRollbackOnly();
				return false;
			}
			return true;
		});
		if (Boolean.TRUE.equals(admitted)) {
			return new Admitted(login, account, client, false);
		}
		var waits = new java.util.ArrayList<Duration>();
		remaining(account, now).ifPresent(waits::add);
		if (client != null) {
			remaining(client, now).ifPresent(waits::add);
		}
		// the limit is reached by attempts still being checked: their block is coming
		return new Refused(waits.stream().max(Duration::compareTo).orElse(settings.blockFor()));
	}

	/** The reserved attempt failed: it stays counted, and may start a block. */
	Failure failed(Admitted attempt) {
		var now = clock.instant();
		if (attempt.clientKey() != null) {
			block(attempt.clientKey(), settings.clientMaxFailures(), settings.clientBlockFor(),
					settings.clientBlockFor(), now);
		}
		var blocked = block(attempt.counterKey(), settings.maxFailures(), settings.blockFor(), settings.maxBlock(),
				now);
		if (blocked.isEmpty()) {
			return new Failure(false, false, 0, Duration.ZERO);
		}
		return new Failure(true, !attempt.trustedDevice(), blocked.get().blocks(), blocked.get().blockedFor());
	}

	/**
	 * The reserved attempt had the right password: its counter starts afresh. A trusted
	 * device's success leaves the account's counter to its block, which others caused.
	 */
	void succeeded(Admitted attempt) {
		jdbc.sql("delete from credentials_attempt_counter where counter_key = ?").param(attempt.counterKey()).update();
	}

	/**
	 * The reserved attempt was never checked (no hashing slot was free): it does not
	 * count.
	 */
	void released(Admitted attempt) {
		for (var key : java.util.Arrays.asList(attempt.counterKey(), attempt.clientKey())) {
			if (key != null) {
				jdbc.sql("update credentials_attempt_counter set failures = greatest(failures - 1, 0)"
						+ " where counter_key = ?")
					.param(key)
					.update();
			}
		}
	}

	/** A new device token for the login, for the client that just proved the password. */
	String deviceToken(String login) {
		var nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		var encodedNonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
		var issued = clock.instant().getEpochSecond();
		return DEVICE_TOKEN_VERSION + "." + encodedNonce + "." + issued + "."
				+ signature(accountKey(login), encodedNonce, issued);
	}

	/** How long the account is still blocked for untrusted clients, if at all. */
	public Optional<Duration> blockedFor(String login) {
		return remaining(accountKey(login), clock.instant());
	}

	/** A password reset, or staff's "unlock": the account starts afresh. */
	public void clear(String login) {
		jdbc.sql("delete from credentials_attempt_counter where counter_key = ?").param(accountKey(login)).update();
	}

	/**
	 * Notes whose account a blocked key is, so that staff can list the locked accounts;
	 * the key itself stays a hash.
	 */
	void attribute(String login, UUID customer) {
		jdbc.sql("update credentials_attempt_counter set customer_id = ? where counter_key = ?")
			.params(customer, accountKey(login))
			.update();
	}

	/** The customers whose accounts are blocked right now. */
	public List<UUID> lockedCustomers() {
		return jdbc
			.sql("select customer_id from credentials_attempt_counter where customer_id is not null"
					+ " and blocked_until > ?")
			.param(Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list();
	}

	/**
	 * Deletes counters that neither block nor count any more; one node at a time (a node
	 * that finds another purging skips its turn and answers 0).
	 */
	@Scheduled(initialDelayString = "${clientele.authentication.lockout.purge-interval:10m}",
			fixedDelayString = "${clientele.authentication.lockout.purge-interval:10m}")
	public int purge() {
		var before = Timestamp.from(clock.instant().minus(settings.purgeAfter()));
		Integer purged = transaction.execute(status -> !OneNodeAtATime.claim(jdbc, "lockout-purge") ? 0
				: jdbc
					.sql("delete from credentials_attempt_counter where window_start < :before"
							+ " and (blocked_until is null or blocked_until < :before)")
					.param("before", before)
					.update());
		return purged == null ? 0 : purged;
	}

	// Counts one attempt on the key unless it is blocked or at its limit; true if
	// counted.
	private boolean take(String key, int maxFailures, Instant now) {
		return !jdbc.sql("""
				insert into credentials_attempt_counter as c (counter_key, failures, window_start, blocks)
				values (:key, 1, :now, 0)
				on conflict (counter_key) do update set
				    failures = case when c.window_start <= :windowStart then 1 else c.failures + 1 end,
				    window_start = case when c.window_start <= :windowStart then :now else c.window_start end
				where (c.blocked_until is null or c.blocked_until <= :now)
				  and (c.window_start <= :windowStart or c.failures < :max)
				returning failures
				""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("windowStart", Timestamp.from(now.minus(settings.window())))
			.param("max", maxFailures)
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	private record Block(int blocks, Duration blockedFor) {
	}

	// Starts a block when the key's failures reached the limit; each block doubles the
	// last.
	private Optional<Block> block(String key, int maxFailures, Duration firstBlock, Duration maxBlock, Instant now) {
		return jdbc.sql("""
				update credentials_attempt_counter
				set blocks = blocks + 1, failures = 0, window_start = :now,
				    blocked_until = cast(:now as timestamptz) + make_interval(secs =>
				        least(cast(:maxSeconds as double precision),
				              cast(:firstSeconds as double precision) * power(2, least(blocks, 20))))
				where counter_key = :key and failures >= :max and (blocked_until is null or blocked_until <= :now)
				returning blocks, blocked_until
				""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("max", maxFailures)
			.param("maxSeconds", maxBlock.toSeconds())
			.param("firstSeconds", firstBlock.toSeconds())
			.query((row, n) -> new Block(row.getInt(1), Duration.between(now, row.getTimestamp(2).toInstant())))
			.optional();
	}

	private Optional<Duration> remaining(String key, Instant now) {
		return jdbc.sql("select blocked_until from credentials_attempt_counter where counter_key = ?")
			.param(key)
			.query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
			.optional()
			.flatMap(until -> until)
			.filter(now::isBefore)
			.map(until -> Duration.between(now, until));
	}

	// The device's own counter when the token is one this installation signed for this
	// account and has not expired.
	private Optional<String> trustedDeviceKey(String account, @Nullable String token, Instant now) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		var parts = token.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals(DEVICE_TOKEN_VERSION)) {
			return Optional.empty();
		}
		long issued;
		try {
			issued = Long.parseLong(parts[2]);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		var expected = signature(account, parts[1], issued).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))
				|| Instant.ofEpochSecond(issued).plus(settings.deviceValidity()).isBefore(now)) {
			return Optional.empty();
		}
		return Optional.of("device:" + Sha256.hex(parts[1]));
	}

	private String signature(String account, String nonce, long issued) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(deviceKey(), "HmacSHA256"));
			var signed = mac.doFinal((account + "|" + nonce + "|" + issued).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(signed, 24));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	private byte[] deviceKey() {
		var key = deviceKey;
		if (key == null) {
			var fresh = new byte[32];
			random.nextBytes(fresh);
			// the first node to get here decides the key for all
			jdbc.sql("insert into credentials_device_key (id, secret) values (1, ?) on conflict (id) do nothing")
				.param(fresh)
				.update();
			key = jdbc.sql("select secret from credentials_device_key where id = 1").query(byte[].class).single();
			deviceKey = key;
		}
		return key;
	}

	private static String accountKey(String login) {
		return "account:" + Sha256.hex(login.strip().toLowerCase(Locale.ROOT));
	}

	// An IPv6 client usually holds a whole /64: it counts as one address.
	static String clientKey(String clientAddress) {
		return "client:" + Sha256.hex(network(clientAddress));
	}

	static String network(String clientAddress) {
		var address = clientAddress.strip();
		if (!address.contains(":")) {
			return address;
		}
		try {
			var parsed = InetAddress
				.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address);
			if (parsed instanceof Inet6Address) {
				var bytes = parsed.getAddress();
				java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			return parsed instanceof Inet4Address ? parsed.getHostAddress() : address;
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
