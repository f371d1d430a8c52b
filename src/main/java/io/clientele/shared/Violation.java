package io.clientele.shared;

import java.util.List;

/**
 * A broken rule about one input field, as a message key plus arguments, for example
 * {@code password.too-short} with {@code 12}. Pages, the API and the console each render
 * it in their own way.
 */
public record Violation(String field, String messageKey, List<Object> arguments) {

	public Violation {
		arguments = List.copyOf(arguments);
	}

	public static Violation of(String field, String messageKey, Object... arguments) {
		return new Violation(field, messageKey, List.of(arguments));
	}

}
