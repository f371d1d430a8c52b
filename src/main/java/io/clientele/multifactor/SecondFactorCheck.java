package io.clientele.multifactor;

import java.time.Duration;

/** What a second-factor check came to. */
public sealed interface SecondFactorCheck {

	/**
	 * The action may go on: the owner has no second factor, the grace period covers it,
	 * or the code was right.
	 */
	record Satisfied(boolean recoveryCodeUsed) implements SecondFactorCheck {
	}

	/** The owner has a second factor and no code came (Spryker's 5900). */
	record Missing() implements SecondFactorCheck {
	}

	/** The code is not of a shape any method issues: not counted (Spryker's 5901). */
	record Malformed() implements SecondFactorCheck {
	}

	/** A wrong, expired or used code; {@code left} more are allowed in this flow. */
	record Wrong(int left) implements SecondFactorCheck {
	}

	/**
	 * The last allowed wrong code: the flow starts again and every code sent so far is
	 * void (Spryker's brute-force rule).
	 */
	record FlowReset() implements SecondFactorCheck {
	}

	/** Too many resets: no code is checked for {@code remaining}. */
	record Locked(Duration remaining) implements SecondFactorCheck {

		/** The wait in whole minutes, rounded up, at least one. */
		public long minutes() {
			return Math.max(1, (remaining.toSeconds() + 59) / 60);
		}

	}

	/** Whether the action may go on. */
	default boolean satisfied() {
		return this instanceof Satisfied;
	}

}
