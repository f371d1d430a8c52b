package io.clientele.notification;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of mail Clientele sends; each has an HTML and a text template of the same
 * name.
 */
public enum MailType {

	WELCOME("welcome", null, false), REGISTRATION_CONFIRMATION("registration-confirmation", "link", false),
	REGISTRATION_ATTEMPTED("registration-attempted", "link", true), PASSWORD_RESET("password-reset", "link", false),
	PASSWORD_CHANGED("password-changed", null, true), ACCOUNT_LOCKED("account-locked", "link", true),
	LOGIN_CREATED("login-created", "link", false), GENERATED_PASSWORD("generated-password", "password", false),
	ACCOUNT_DELETED("account-deleted", null, true),
	EMAIL_CHANGE_CONFIRMATION("email-change-confirmation", "link", false),
	EMAIL_CHANGE_REQUESTED("email-change-requested", null, true), EMAIL_CHANGED("email-changed", null, true),
	SIGN_IN_METHOD_ADDED("sign-in-method-added", null, true),
	SIGN_IN_METHOD_REMOVED("sign-in-method-removed", null, true),
	SECOND_FACTOR_CODE("second-factor-code", "code", false), RECOVERY_CODE_USED("recovery-code-used", null, true),
	SECOND_FACTORS_RESET("second-factors-reset", null, true);

	private final String template;

	private final @Nullable String secret;

	private final boolean securityNotice;

	MailType(String template, @Nullable String secret, boolean securityNotice) {
		this.template = template;
		this.secret = secret;
		this.securityNotice = securityNotice;
	}

	String template() {
		return template;
	}

	/**
	 * The template variable that holds what only the customer may use (a link with a
	 * token, a password); staff see a placeholder in its place.
	 */
	@Nullable String secret() {
		return secret;
	}

	/**
	 * Whether the mail holds a secret, so that nobody may read it in the back office, nor
	 * have it sent twice.
	 */
	public boolean confidential() {
		return secret != null;
	}

	/**
	 * Whether the mail holds a working link: sending it again means issuing a new link.
	 */
	public boolean carriesLink() {
		return "link".equals(secret);
	}

	/**
	 * Whether the mail tells the owner of a change to the account's security (password or
	 * address changed, locked, closed, someone tried to register with the address): until
	 * it is sent, nobody may delete it.
	 */
	public boolean securityNotice() {
		return securityNotice;
	}

}
