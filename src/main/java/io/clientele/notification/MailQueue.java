package io.clientele.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox as staff see it: every mail with its state and its message. */
@Component
public class MailQueue {

	// what staff see of a mail that holds a secret
	private static final String CONFIDENTIAL = "(confidential: this mail holds a password and is not shown)";

	private final JdbcClient jdbc;

	private final MailDispatcher dispatcher;

	private final MailTemplates templates;

	MailQueue(JdbcClient jdbc, MailDispatcher dispatcher, MailTemplates templates) {
		this.jdbc = jdbc;
		this.dispatcher = dispatcher;
		this.templates = templates;
	}

	/**
	 * A mail of the queue; {@code held} when it waits only because no SMTP server is
	 * configured.
	 */
	public record QueuedMail(UUID id, String type, String recipient, String subject, MailStatus status, boolean held,
			int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt, String textBody,
			String htmlBody, boolean confidential) {
	}

	/** The newest mails first. */
	public List<QueuedMail> newest(int offset, int limit) {
		return jdbc.sql("select * from notification_outbox order by created_at desc, id offset ? limit ?")
			.params(offset, limit)
			.query((row, n) -> mail(row))
			.list();
	}

	/** How many mails are in each state. */
	public java.util.Map<MailStatus, Long> countByStatus() {
		var counts = new java.util.EnumMap<MailStatus, Long>(MailStatus.class);
		for (var status : MailStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("select status, count(*) from notification_outbox group by status").query((java.sql.ResultSet row) -> {
			counts.put(MailStatus.valueOf(row.getString(1)), row.getLong(2));
		});
		return counts;
	}

	public long count() {
		return jdbc.sql("select count(*) from notification_outbox").query(Long.class).single();
	}

	public Optional<QueuedMail> find(UUID id) {
		return jdbc.sql("select * from notification_outbox where id = ?")
			.param(id)
			.query((row, n) -> mail(row))
			.optional();
	}

	/**
	 * Sends the mail again, as a new attempt from scratch (a sent mail, too: the customer
	 * may have lost it). Returns false for an unknown mail.
	 */
	public boolean resend(UUID id) {
		var changed = jdbc.sql("""
				update notification_outbox set status = 'QUEUED', attempts = 0, last_error = null,
				    claimed_until = null, next_attempt_at = now(), sent_at = null
				where id = ? and not confidential
				""").param(id).update() > 0;
		if (changed) {
			dispatcher.dispatchSoon();
		}
		return changed;
	}

	/** Removes the mail from the queue; a mail being sent right now is left alone. */
	public boolean delete(UUID id) {
		return jdbc.sql("delete from notification_outbox where id = ? and status <> 'SENDING'").param(id).update() > 0;
	}

	private QueuedMail mail(java.sql.ResultSet row) throws java.sql.SQLException {
		var status = MailStatus.valueOf(row.getString("status"));
		var sentAt = row.getTimestamp("sent_at");
		var confidential = row.getBoolean("confidential");
		var subject = row.getString("subject");
		var text = row.getString("text_body");
		var html = row.getString("html_body");
		if (subject == null || text == null || html == null) {
			// queued with its variables only: shown as the dispatcher renders it
			var content = templates.content(MailType.valueOf(row.getString("mail_type")),
					row.getString("recipient_name"), row.getString("locale"), row.getString("variables"));
			subject = content.subject();
			text = content.text();
			html = content.html();
		}
		return new QueuedMail(row.getObject("id", UUID.class), row.getString("mail_type"), row.getString("recipient"),
				subject, status, status == MailStatus.QUEUED && !dispatcher.canSend(), row.getInt("attempts"),
				row.getString("last_error"), row.getTimestamp("created_at").toInstant(),
				sentAt == null ? null : sentAt.toInstant(), confidential ? CONFIDENTIAL : text,
				confidential ? CONFIDENTIAL : html, confidential);
	}

}
