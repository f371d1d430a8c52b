package io.clientele.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;

/**
 * The outbox as staff see it: every mail with its state and its message, never a link or
 * a password only the customer may use.
 */
@Component
public class MailQueue {

	// the types whose unsent mails nobody may delete, for the SQL condition
	private static final String[] SECURITY_NOTICES = Arrays.stream(MailType.values())
		.filter(MailType::securityNotice)
		.map(MailType::name)
		.toArray(String[]::new);

	private final JdbcClient jdbc;

	private final MailDispatcher dispatcher;

	private final MailTemplates templates;

	private final AuditTrail audit;

	MailQueue(JdbcClient jdbc, MailDispatcher dispatcher, MailTemplates templates, AuditTrail audit) {
		this.jdbc = jdbc;
		this.dispatcher = dispatcher;
		this.templates = templates;
		this.audit = audit;
	}

	/**
	 * A mail of the queue. Bodies are null once the mail is sent (nothing of it is kept
	 * but its type, recipient, state and times); a confidential mail shows a placeholder
	 * in place of its link or password. The recipient is null once the account-deleted
	 * mail is sent.
	 */
	public record QueuedMail(UUID id, MailType type, @Nullable UUID customerId, @Nullable String recipient,
			String subject, MailStatus status, int attempts, @Nullable String lastError, Instant createdAt,
			@Nullable Instant sentAt, @Nullable String textBody, @Nullable String htmlBody, boolean confidential) {

		/**
		 * Whether staff may delete it: never an unsent security notice, nor one being
		 * sent.
		 */
		public boolean deletable() {
			return status == MailStatus.SENT || (status != MailStatus.SENDING && !type.securityNotice());
		}

	}

	/** What became of a request to delete a mail. */
	public enum Deletion {

		DELETED, UNKNOWN,
		/** An unsent security notice: it may only be sent again, never deleted. */
		SECURITY_NOTICE,
		/** A dispatcher is sending it right now. */
		BEING_SENT

	}

	/** The newest mails first. */
	public List<QueuedMail> newest(int offset, int limit) {
		return jdbc.sql("select * from notification_outbox order by created_at desc, id offset ? limit ?")
			.params(offset, limit)
			.query((row, n) -> mail(row))
			.list();
	}

	/** How many mails are in each state. */
	public Map<MailStatus, Long> countByStatus() {
		var counts = new EnumMap<MailStatus, Long>(MailStatus.class);
		for (var status : MailStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("select status, count(*) from notification_outbox group by status").query((ResultSet row) -> {
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
	 * Sends an unsent mail again, as a new attempt from scratch. Returns false, changing
	 * nothing, for an unknown, a sent (its content is gone), a confidential (a link or a
	 * password is never sent twice: issue a new one) or a mail being sent.
	 */
	public boolean retry(UUID id) {
		var changed = jdbc.sql("""
				update notification_outbox set status = 'QUEUED', attempts = 0, last_error = null,
				    claimed_until = null, next_attempt_at = now()
				where id = ? and not confidential and status in ('QUEUED', 'FAILED')
				""").param(id).update() > 0;
		if (changed) {
			dispatcher.dispatchSoon();
		}
		return changed;
	}

	/**
	 * Removes a mail that has not gone out yet because a newer one replaced its link
	 * (voided now); a security notice is never withdrawn. Returns whether it was.
	 */
	public boolean withdraw(UUID id) {
		return jdbc.sql(
				"delete from notification_outbox where id = ? and status = 'QUEUED' and mail_type <> all(?::varchar[])")
			.params(id, SECURITY_NOTICES)
			.update() > 0;
	}

	/**
	 * Removes the mail from the queue in the name of the staff member, audited. An unsent
	 * security notice is refused (its owner must learn of the change; staff may only send
	 * it again), and so is a mail being sent right now.
	 */
	@Transactional
	public Deletion delete(UUID id, AuditActor staff) {
		var deleted = jdbc.sql("""
				delete from notification_outbox
				where id = ? and status <> 'SENDING' and (status = 'SENT' or mail_type <> all(?::varchar[]))
				returning customer_id, mail_type
				""")
			.params(id, SECURITY_NOTICES)
			.query((row, n) -> new Object[] { row.getObject("customer_id", UUID.class), row.getString("mail_type") })
			.optional();
		if (deleted.isPresent()) {
			audit.record(AuditType.MAIL_DELETED, (UUID) deleted.get()[0], staff, (String) deleted.get()[1]);
			return Deletion.DELETED;
		}
		return find(id)
			.map(mail -> mail.status() == MailStatus.SENDING ? Deletion.BEING_SENT : Deletion.SECURITY_NOTICE)
			.orElse(Deletion.UNKNOWN);
	}

	/**
	 * Forgets the mails of an anonymised customer at once. The account-deleted mail not
	 * yet sent is the one kept: it goes out, and forgets its address when sent.
	 */
	public void forget(UUID customerId) {
		jdbc.sql("""
				delete from notification_outbox
				where customer_id = ? and not (mail_type = 'ACCOUNT_DELETED' and status <> 'SENT')
				""").param(customerId).update();
	}

	private QueuedMail mail(ResultSet row) throws SQLException {
		var type = MailType.valueOf(row.getString("mail_type"));
		var status = MailStatus.valueOf(row.getString("status"));
		var sentAt = row.getTimestamp("sent_at");
		var confidential = row.getBoolean("confidential") || type.confidential();
		var locale = row.getString("locale");
		var subject = row.getString("subject");
		var text = row.getString("text_body");
		var html = row.getString("html_body");
		var variables = row.getString("variables");
		if (variables != null) {
			// queued with its variables only: shown as the dispatcher renders it, the
			// secret replaced
			var content = confidential
					? templates.contentForStaff(type, row.getString("recipient_name"), locale, variables)
					: templates.content(type, row.getString("recipient_name"), locale, variables);
			subject = content.subject();
			text = content.text();
			html = content.html();
		}
		else if (confidential && text != null) {
			// stored rendered before links were confidential: none of it is shown
			text = templates.hidden("mail", Locale.forLanguageTag(locale));
			html = text;
		}
		return new QueuedMail(row.getObject("id", UUID.class), type, row.getObject("customer_id", UUID.class),
				row.getString("recipient"), subject == null ? templates.subject(type, locale) : subject, status,
				row.getInt("attempts"), row.getString("last_error"), row.getTimestamp("created_at").toInstant(),
				sentAt == null ? null : sentAt.toInstant(), text, html, confidential);
	}

}
