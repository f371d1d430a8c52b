package io.clientele.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: mails waiting, being sent, sent or given up. */
@Repository
class MailOutbox {

	private final JdbcClient jdbc;

	MailOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record RenderedMail(MailType type, Recipient recipient, String subject, String html, String text) {
	}

	record ClaimedMail(UUID id, String recipient, String recipientName, String subject, String html, String text,
			int attempts) {
	}

	UUID queue(RenderedMail mail, Instant now) {
		var id = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into notification_outbox (id, mail_type, customer_id, recipient, recipient_name, locale,
						    subject, html_body, text_body, status, next_attempt_at, created_at, confidential)
						values (:id, :type, :customerId, :recipient, :name, :locale, :subject, :html, :text, 'QUEUED', :now, :now,
						    :confidential)
						""")
			.param("id", id)
			.param("type", mail.type().name())
			.param("customerId", mail.recipient().customerId())
			.param("recipient", mail.recipient().email().value())
			.param("name", mail.recipient().name())
			.param("locale", mail.recipient().locale().toLanguageTag())
			.param("subject", mail.subject())
			.param("html", mail.html())
			.param("text", mail.text())
			.param("now", Timestamp.from(now))
			.param("confidential", mail.type().confidential())
			.update();
		return id;
	}

	/**
	 * Claims up to {@code limit} due mails for this dispatcher. Rows locked by another
	 * dispatcher are skipped, and a claim commits at once, so no two dispatchers ever
	 * hold the same mail. A claim that outlived {@code claimedUntil} (its node died while
	 * sending) is due again.
	 */
	List<ClaimedMail> claimDue(Instant now, Instant claimedUntil, int limit) {
		return jdbc.sql("""
				update notification_outbox o
				set status = 'SENDING', attempts = o.attempts + 1, claimed_until = :claimedUntil
				where o.id in (
				    select id from notification_outbox
				    where (status = 'QUEUED' and next_attempt_at <= :now)
				       or (status = 'SENDING' and claimed_until < :now)
				    order by next_attempt_at
				    limit :limit
				    for update skip locked)
				returning o.id, o.recipient, o.recipient_name, o.subject, o.html_body, o.text_body, o.attempts
				""")
			.param("now", Timestamp.from(now))
			.param("claimedUntil", Timestamp.from(claimedUntil))
			.param("limit", limit)
			.query(MailOutbox::claimed)
			.list();
	}

	void markSent(UUID id, Instant now) {
		// a mail holding a secret keeps no copy of it once it is sent
		jdbc.sql("update notification_outbox set status = 'SENT', sent_at = ?, claimed_until = null, last_error = null,"
				+ " text_body = case when confidential then '' else text_body end,"
				+ " html_body = case when confidential then '' else html_body end where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/**
	 * Records a failed attempt: due again at {@code retryAt}, or failed for good when
	 * that is null.
	 */
	void markAttemptFailed(UUID id, String error, @Nullable Instant retryAt) {
		jdbc.sql("""
				update notification_outbox
				set status = :status, last_error = :error, claimed_until = null,
				    next_attempt_at = coalesce(:retryAt, next_attempt_at)
				where id = :id
				""")
			.param("status", retryAt == null ? MailStatus.FAILED.name() : MailStatus.QUEUED.name())
			.param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
			.param("retryAt", retryAt == null ? null : Timestamp.from(retryAt), java.sql.Types.TIMESTAMP)
			.param("id", id)
			.update();
	}

	private static ClaimedMail claimed(ResultSet row, int rowNumber) throws SQLException {
		return new ClaimedMail(row.getObject("id", UUID.class), row.getString("recipient"),
				row.getString("recipient_name"), row.getString("subject"), row.getString("html_body"),
				row.getString("text_body"), row.getInt("attempts"));
	}

}
