package io.clientele.notification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes sent mails once their retention has passed, and failed ones queued that long
 * ago. Each batch is one statement that skips rows another node deletes, so any number of
 * nodes may run it at once.
 */
@Component
class MailRetention {

	private static final Logger log = LoggerFactory.getLogger(MailRetention.class);

	static final int BATCH = 1000;

	private final MailOutbox outbox;

	private final NotificationSettings settings;

	private final Clock clock;

	MailRetention(MailOutbox outbox, NotificationSettings settings, Clock clock) {
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
	}

	/** Deletes every mail past its retention, batch by batch; returns how many. */
	int deleteExpired() {
		var cutoff = clock.instant().minus(settings.retention());
		var deleted = 0;
		int batch;
		do {
			batch = outbox.deleteOlderThan(cutoff, BATCH);
			deleted += batch;
		}
		while (batch > 0);
		return deleted;
	}

	/** {@link #deleteExpired} for the scheduler: a failure waits for the next run. */
	void run() {
		try {
			var deleted = deleteExpired();
			if (deleted > 0) {
				log.info("Deleted {} mails older than {}", deleted, settings.retention());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Mail retention stopped: {}", ex.getMessage());
		}
	}

}
