package io.clientele.console;

/** Failures told in one line, without a stack trace. */
final class ConsoleFailures {

	private ConsoleFailures() {
	}

	static String describe(Throwable failure) {
		var root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		var message = root.getMessage();
		return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
	}

}
