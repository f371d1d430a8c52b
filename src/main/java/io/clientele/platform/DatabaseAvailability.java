package io.clientele.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.clientele.shared.DatabaseOutage;

/**
 * What this node knows of PostgreSQL's reachability: the first failure of an outage is
 * logged once (not every request and every scheduled tick), and a probe asks PostgreSQL
 * once a second until it answers again, which is logged once too. Nothing waits for it:
 * every request still tries the database, so the node serves again with the first
 * connection that succeeds.
 *
 * <p>
 * While an outage is under way, asking for a connection fails at once
 * ({@link OutageAwareDataSource}) instead of waiting for the pool (8 s: a burst of
 * requests may wait that long for a free connection without failing): the first request
 * of an outage waits once, every later one, and the second save of a session in the same
 * request, is answered at once. Only the probe asks the pool itself; its success ends the
 * outage.
 */
@Component
class DatabaseAvailability implements DisposableBean {

	static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final DataSource dataSource;

	private final Clock clock;

	// the start of the outage under way, null while PostgreSQL answers
	private final AtomicReference<@Nullable Instant> outageSince = new AtomicReference<>();

	private volatile boolean closed;

	DatabaseAvailability(DataSource dataSource, Clock clock) {
		this.dataSource = OutageAwareDataSource.pool(dataSource);
		this.clock = clock;
	}

	/**
	 * Whether an outage is under way: from its first failure until the probe reaches
	 * PostgreSQL again.
	 */
	boolean isDown() {
		return outageSince.get() != null;
	}

	/** A failure that {@link DatabaseOutage} recognised. */
	void outage(Throwable failure) {
		if (waitedForABusyPool(failure) && busyNotBroken()) {
			// every connection is in use and alive: an overload (that request is answered
			// 503), not an outage, so nobody else is refused
			return;
		}
		var now = clock.instant();
		if (outageSince.compareAndSet(null, now)) {
			log.warn("PostgreSQL is unreachable ({}): answering 503 until it is back",
					DatabaseOutage.describe(failure));
			Thread.ofVirtual().name("database-probe").start(this::probeUntilBack);
		}
	}

	private void probeUntilBack() {
		while (!closed) {
			try {
				Thread.sleep(PROBE_INTERVAL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (reachable()) {
				var since = outageSince.getAndSet(null);
				if (since != null) {
					log.info("PostgreSQL is reachable again after {} s",
							Duration.between(since, clock.instant()).toSeconds());
				}
				return;
			}
		}
	}

	// the pool's "Connection is not available, request timed out", and no broken
	// connection behind it
	private static boolean waitedForABusyPool(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLTransientConnectionException && cause.getCause() == null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the pool holds connections and all are in use: a wait for one that timed
	 * out then means the node is overloaded, while PostgreSQL answers.
	 */
	private boolean busyNotBroken() {
		try {
			if (!dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
				return false;
			}
			var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
			return pool != null && pool.getTotalConnections() > 0 && pool.getIdleConnections() == 0;
		}
		catch (java.sql.SQLException ex) {
			return false;
		}
	}

	private boolean reachable() {
		try (var connection = dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (java.sql.SQLException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void destroy() {
		closed = true;
	}

}
