package io.clientele.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clientele.shared.Sha256;

/**
 * Fixed-window request counters in PostgreSQL, so that every node counts the same
 * requests. Keys are hashed: no address is stored.
 */
@Repository
class RequestLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	RequestLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one request under the key; false when it is beyond {@code limit} in the
	 * window.
	 */
	boolean tryAcquire(String kind, String key, int limit, Duration window) {
		return acquire(kind, key, limit, window).isEmpty();
	}

	/**
	 * Counts one request under the key; when it is beyond {@code limit} in the window,
	 * how long until the window ends (at least one second), else empty.
	 */
	Optional<Duration> acquire(String kind, String key, int limit, Duration window) {
		var now = clock.instant();
		var windowStart = Timestamp.from(now.minus(window));
		var counted = jdbc.sql("""
				insert into credentials_request_counter (counter_key, window_start, requests) values (:key, :now, 1)
				on conflict (counter_key) do update set
				    requests = case when credentials_request_counter.window_start <= :windowStart then 1
				                    else credentials_request_counter.requests + 1 end,
				    window_start = case when credentials_request_counter.window_start <= :windowStart then :now
				                        else credentials_request_counter.window_start end
				returning requests, window_start
				""")
			.param("key", kind + ":" + Sha256.hex(key).substring(0, 40))
			.param("now", Timestamp.from(now))
			.param("windowStart", windowStart)
			.query((row, n) -> new Counted(row.getInt("requests"), row.getTimestamp("window_start").toInstant()))
			.single();
		if (counted.requests() <= limit) {
			return Optional.empty();
		}
		var wait = Duration.between(now, counted.windowStart().plus(window));
		return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
	}

	private record Counted(int requests, Instant windowStart) {
	}

}
