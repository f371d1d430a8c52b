package io.clientele.staff;

/** Whether staff of a role must have an authenticator app. */
public enum SecondFactorRequirement {

	/** They enrol at their next login before any other back-office page, and keep it. */
	REQUIRED,

	/** They may turn an authenticator app on and off themselves. */
	OPTIONAL

}
