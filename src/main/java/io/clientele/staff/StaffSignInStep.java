package io.clientele.staff;

/** What a staff member's login needs after a correct password. */
public enum StaffSignInStep {

	/** Nothing more: the password was all (no second factor, none required). */
	NONE,

	/** A code of their authenticator app, or a recovery code. */
	CODE,

	/** Their role requires an authenticator app and they have none: they enrol first. */
	ENROL

}
