package io.clientele.shared;

import java.util.List;

/**
 * Input broke one or more rules; nothing was changed. Carries every violation, not just
 * the first.
 */
public class InvalidInput extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInput(List<Violation> violations) {
		super("Invalid input: " + violations.stream().map(v -> v.field() + " " + v.messageKey()).toList());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
