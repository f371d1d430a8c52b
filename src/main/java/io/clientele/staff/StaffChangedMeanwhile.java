package io.clientele.staff;

/**
 * The staff account was changed by someone else since the version the change was made on;
 * nothing was changed. Carries the account as it is now.
 */
public class StaffChangedMeanwhile extends RuntimeException {

	private final StaffSummary current;

	public StaffChangedMeanwhile(StaffSummary current) {
		super("Staff account " + current.id() + " was changed meanwhile");
		this.current = current;
	}

	public StaffSummary current() {
		return current;
	}

}
