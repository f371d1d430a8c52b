package io.clientele.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.clientele.shared.Violation;

/** Password policy violations as Glue's codes 418 to 422, and Clientele's 426 to 428. */
final class PasswordErrors {

	private static final Map<String, GlueError> BY_KEY = Map.ofEntries(
			Map.entry("password.required", GlueError.PASSWORD_TOO_SHORT),
			Map.entry("password.too-short", GlueError.PASSWORD_TOO_SHORT),
			Map.entry("password.too-long", GlueError.PASSWORD_TOO_LONG),
			Map.entry("password.pattern", GlueError.PASSWORD_CHARACTER_SET),
			Map.entry("password.min-digits", GlueError.PASSWORD_CHARACTER_SET),
			Map.entry("password.min-uppercase", GlueError.PASSWORD_CHARACTER_SET),
			Map.entry("password.min-lowercase", GlueError.PASSWORD_CHARACTER_SET),
			Map.entry("password.min-special", GlueError.PASSWORD_CHARACTER_SET),
			Map.entry("password.repeated", GlueError.PASSWORD_SEQUENCE),
			Map.entry("password.common", GlueError.PASSWORD_COMMON),
			Map.entry("password.denied", GlueError.PASSWORD_COMMON),
			Map.entry("password.too-weak", GlueError.PASSWORD_TOO_WEAK),
			Map.entry("password.personal", GlueError.PASSWORD_PERSONAL),
			Map.entry("password.reused", GlueError.PASSWORD_REUSED));

	private PasswordErrors() {
	}

	static List<GlueError> of(List<Violation> violations) {
		var errors = new LinkedHashSet<GlueError>();
		for (var violation : violations) {
			errors.add(BY_KEY.getOrDefault(violation.messageKey(), GlueError.FAILED_TO_CHANGE_PASSWORD));
		}
		return List.copyOf(errors);
	}

}
