package io.clientele.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.clientele.multifactor.SecondFactorCheck;

/**
 * Ends a request with Glue errors; the HTTP status is the first error's. A wait, if
 * given, goes out as {@code Retry-After}.
 */
class GlueException extends RuntimeException {

	private final List<GlueError> errors;

	private final @Nullable Duration retryAfter;

	GlueException(GlueError error) {
		this(List.of(error), null);
	}

	GlueException(List<GlueError> errors) {
		this(errors, null);
	}

	GlueException(GlueError error, Duration retryAfter) {
		this(List.of(error), retryAfter);
	}

	private GlueException(List<GlueError> errors, @Nullable Duration retryAfter) {
		super(errors.getFirst().detail(), null, false, false);
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	/**
	 * A second factor that did not pass (5900 or 5901); a locked second step tells when
	 * it opens again.
	 */
	static GlueException secondFactor(SecondFactorCheck check) {
		var error = GlueError.secondFactor(check);
		return check instanceof SecondFactorCheck.Locked locked ? new GlueException(error, locked.remaining())
				: new GlueException(error);
	}

	List<GlueError> errors() {
		return errors;
	}

	int status() {
		return errors.getFirst().status();
	}

	Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

}
