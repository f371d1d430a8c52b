package io.clientele.console;

import java.io.Console;

/** Whether the output goes to a person at a terminal (a progress bar) or elsewhere. */
final class Terminal {

	private Terminal() {
	}

	static boolean interactive() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// Java 22+: System.console() exists even when the output is redirected
			return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (ReflectiveOperationException olderJava) {
			return true;
		}
	}

}
