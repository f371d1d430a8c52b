package io.clientele.shared;

/**
 * The application cannot start as configured. Reported at start-up as a plain description
 * and what to do about it, without a stack trace.
 */
public class ConfigurationProblem extends RuntimeException {

	private final String action;

	public ConfigurationProblem(String description, String action) {
		super(description);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
