package io.clientele.notification;

/** Where a mail in the outbox stands. */
public enum MailStatus {

	/** Waiting to be sent (also while no SMTP server is configured). */
	QUEUED,
	/** Claimed by a dispatcher that is sending it now. */
	SENDING,
	/** Accepted by the SMTP server. */
	SENT,
	/** Given up after the last attempt; the last error is kept. */
	FAILED

}
