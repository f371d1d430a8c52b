package io.clientele.multifactor;

/** A method's state for one owner, with Spryker's numbers. */
public enum FactorStatus {

	/** Available, not set up: protected actions do not ask for it. */
	DISABLED(0),

	/** Set up but not yet confirmed with a code: protected actions do not ask for it. */
	ACTIVATING(1),

	/** On: every protected action needs a code (of this or another enabled method). */
	ENABLED(2);

	private final int code;

	FactorStatus(int code) {
		this.code = code;
	}

	/** Spryker's status number: 0, 1 or 2. */
	public int code() {
		return code;
	}

	static FactorStatus ofCode(int code) {
		return switch (code) {
			case 1 -> ACTIVATING;
			case 2 -> ENABLED;
			default -> DISABLED;
		};
	}

}
