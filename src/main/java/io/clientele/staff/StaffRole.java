package io.clientele.staff;

/** What a staff member may do in the back office. */
public enum StaffRole {

	/** Everything, including setting passwords, deleting accounts and managing staff. */
	ADMIN,

	/**
	 * View and edit customers, notes and groups; send links; no passwords, deletion or
	 * staff.
	 */
	SUPPORT

}
