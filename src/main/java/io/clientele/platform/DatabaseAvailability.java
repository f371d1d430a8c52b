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
