package io.clientele.notification;

/**
 * The kinds of mail Clientele sends; each has an HTML and a text template of the same
 * name.
 */
public enum MailType {

	WELCOME("welcome"), REGISTRATION_CONFIRMATION("registration-confirmation"),
	REGISTRATION_ATTEMPTED("registration-attempted"), PASSWORD_RESET("password-reset"),
	PASSWORD_CHANGED("password-changed"), ACCOUNT_LOCKED("account-locked"), LOGIN_CREATED("login-created"),
	GENERATED_PASSWORD("generated-password"), ACCOUNT_DELETED("account-deleted"),
	EMAIL_CHANGE_CONFIRMATION("email-change-confirmation"), EMAIL_CHANGE_REQUESTED("email-change-requested"),
	EMAIL_CHANGED("email-changed");

	private final String template;

	MailType(String template) {
		this.template = template;
	}

	String template() {
		return template;
	}

	/** Whether the mail holds a secret, so that nobody may read it in the back office. */
	boolean confidential() {
		return this == GENERATED_PASSWORD;
	}

}
