package io.clientele.platform;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions once a minute, in place of Spring Session's own clean-up
 * ({@code spring.session.jdbc.cleanup-cron=-}). That one runs on a scheduler of its own,
 * which logged a stack trace whenever a minute began during a database outage; this one
 * runs on the application's scheduler, whose failures in an outage
 * {@link ScheduledTasksInAnOutage} reports once. Every node runs it; the delete is the
 * same statement on each.
 */
@Component
class ExpiredSessions {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "0 * * * * *")
	void delete() {
		sessions.cleanUpExpiredSessions();
	}

}
