package io.clientele.api;

import java.util.List;

/** Ends a request with Glue errors; the HTTP status is the first error's. */
class GlueException extends RuntimeException {

	private final List<GlueError> errors;

	GlueException(GlueError error) {
		this(List.of(error));
	}

	GlueException(List<GlueError> errors) {
		super(errors.getFirst().detail(), null, false, false);
		this.errors = List.copyOf(errors);
	}

	List<GlueError> errors() {
		return errors;
	}

	int status() {
		return errors.getFirst().status();
	}

}
