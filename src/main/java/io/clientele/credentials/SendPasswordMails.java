package io.clientele.credentials;

import io.clientele.audit.AuditActor;

/**
 * Password mails to many customers at once, as Spryker's {@code customer:password:set}
 * and {@code customer:password:reset} send them. Anonymised customers never get one;
 * blocked ones do.
 *
 * @param audience who gets a mail
 * @param skipPendingTokens leave out customers holding a password link that still works
 * (unused, unexpired): Spryker's {@code --no-token}
 * @param actor who asked, for the audit trail (the console)
 */
public record SendPasswordMails(Audience audience, boolean skipPendingTokens, AuditActor actor) {

	/** Who gets a mail, and which one. */
	public enum Audience {

		/**
		 * Customers without a password get the link to choose their first one, valid 72
		 * hours (the mail of staff's "create login").
		 */
		WITHOUT_PASSWORD,

		/**
		 * Every customer gets a fresh password-reset link, valid as long as a forgotten
		 * password's link.
		 */
		EVERYONE

	}

}
