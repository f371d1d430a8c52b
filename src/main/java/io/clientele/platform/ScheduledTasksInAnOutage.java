package io.clientele.platform;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;
import org.springframework.stereotype.Component;

import io.clientele.shared.DatabaseOutage;

/**
 * Scheduled tasks (purges, the clean-up of expired sessions, {@link ExpiredSessions})
 * that fail because PostgreSQL is unreachable report it to {@link DatabaseAvailability},
 * which logs it once per outage, instead of a stack trace every tick; they run again at
 * their next tick. Any other failure is logged as before.
 */
@Component
class ScheduledTasksInAnOutage implements SimpleAsyncTaskSchedulerCustomizer, ThreadPoolTaskSchedulerCustomizer {

	private final DatabaseAvailability availability;

	ScheduledTasksInAnOutage(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@Override
	public void customize(SimpleAsyncTaskScheduler scheduler) {
		scheduler.setErrorHandler(errorHandler());
	}

	// the scheduler Boot makes without virtual threads
	@Override
	public void customize(ThreadPoolTaskScheduler scheduler) {
		scheduler.setErrorHandler(errorHandler());
	}

	private ErrorHandler errorHandler() {
		var otherwise = TaskUtils.getDefaultErrorHandler(true);
		return failure -> {
			if (DatabaseOutage.isCauseOf(failure)) {
				availability.outage(failure);
			}
			else {
				otherwise.handleError(failure);
			}
		};
	}

}
