package io.clientele.console;

import java.util.regex.Pattern;

/** Telling Spring's settings apart from a command's own arguments. */
final class ConsoleArguments {

	// --spring.datasource.url=…, --clientele.data-dir=…, --logging.level.root=…
	private static final Pattern SPRING_SETTING = Pattern.compile("^--[a-z][a-z0-9-]*\\.[^=]+=.*$");

	private ConsoleArguments() {
	}

	static boolean isSpringSetting(String argument) {
		return SPRING_SETTING.matcher(argument).matches();
	}

}
