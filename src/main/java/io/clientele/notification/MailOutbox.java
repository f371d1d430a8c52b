package io.clientele.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clientele.shared.OrderedUuid;
import tools.jackson.databind.json.JsonMapper;

/** The outbox table: mails waiting, being sent, sent or given up. */
@Repository
class MailOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MailOutbox(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record RenderedMail(MailType type, Recipient recipient, String subject, String html, String text) {
	}

	/** A mail to be rendered when it is sent: its recipient and template variables. */
	record DeferredMail(Recipient recipient, Map<String, Object> variables) {
	}

	/**
	 * A mail claimed for sending. Subject and bodies are null when the mail was queued
	 * with its variables only ({@link #variables} then holds them as JSON).
	 */
	record ClaimedMail(UUID id, MailType type, String recipient, String recipientName, String locale,
			@Nullable String subject, @Nullable String html, @Nullable String text, @Nullable String variables,
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
	 * Queues many mails of one type in one statement, without rendering them: the
	 * dispatcher renders each when it sends it. Returns how many were queued.
	 */
	int queueAll(MailType type, List<DeferredMail> mails, Instant now) {
		if (mails.isEmpty()) {
			return 0;
		}
		var size = mails.size();
		var ids = new String[size];
		var customerIds = new String[size];
		var recipients = new String[size];
		var names = new String[size];
		var locales = new String[size];
		var variables = new String[size];
		for (var i = 0; i < size; i++) {
			var mail = mails.get(i);
			ids[i] = OrderedUuid.next().toString();
			var customerId = mail.recipient().customerId();
			customerIds[i] = customerId == null ? null : customerId.toString();
			recipients[i] = mail.recipient().email().value();
			names[i] = mail.recipient().name();
			locales[i] = mail.recipient().locale().toLanguageTag();
			variables[i] = json.writeValueAsString(mail.variables());
		}
		// Positional parameters: JdbcClient hands the arrays to the driver as they are
		// (named ones would be expanded into lists); the SQL casts them.
		return jdbc.sql("""
				insert into notification_outbox (id, mail_type, customer_id, recipient, recipient_name, locale,
				    variables, status, next_attempt_at, created_at, confidential)
				select m.id, ?::varchar, m.customer_id, m.recipient, m.name, m.locale, m.variables::jsonb,
				    'QUEUED', ?::timestamptz, ?::timestamptz, ?::boolean
				from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
				    as m(id, customer_id, recipient, name, locale, variables)
				""")
			.params(List.of(type.name(), Timestamp.from(now), Timestamp.from(now), type.confidential(), ids,
					customerIds, recipients, names, locales, variables))
			.update();
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
				returning o.id, o.mail_type, o.recipient, o.recipient_name, o.locale, o.subject, o.html_body,
				    o.text_body, o.variables, o.attempts
				""")
			.param("now", Timestamp.from(now))
			.param("claimedUntil", Timestamp.from(claimedUntil))
			.param("limit", limit)
			.query(MailOutbox::claimed)
			.list();
	}

	/**
	 * Marks the mail sent. A sent mail keeps its type, recipient, state and times only:
	 * its subject, bodies and variables (a link, a password) are gone, and so is the
	 * address of the account-deleted mail, the last trace of a closed account.
	 */
	void markSent(UUID id, Instant now) {
		jdbc.sql("""
				update notification_outbox
				set status = 'SENT', sent_at = ?, claimed_until = null, last_error = null,
				    subject = null, html_body = null, text_body = null, variables = null,
				    recipient = case when mail_type = 'ACCOUNT_DELETED' then null else recipient end,
				    recipient_name = case when mail_type = 'ACCOUNT_DELETED' then null else recipient_name end
				where id = ?
				""").params(Timestamp.from(now), id).update();
	}

	/**
	 * Deletes up to {@code limit} sent mails sent before {@code cutoff} and failed mails
	 * queued before it; returns how many. Rows another node deletes at the same time are
	 * skipped.
	 */
	int deleteOlderThan(Instant cutoff, int limit) {
		var sent = jdbc.sql("""
				delete from notification_outbox where id in (
				    select id from notification_outbox where status = 'SENT' and sent_at < ?
				    limit ? for update skip locked)
				""").params(Timestamp.from(cutoff), limit).update();
		var failed = jdbc.sql("""
				delete from notification_outbox where id in (
				    select id from notification_outbox where status = 'FAILED' and created_at < ?
				    limit ? for update skip locked)
				""").params(Timestamp.from(cutoff), limit).update();
		return sent + failed;
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
		return new ClaimedMail(row.getObject("id", UUID.class), MailType.valueOf(row.getString("mail_type")),
				row.getString("recipient"), row.getString("recipient_name"), row.getString("locale"),
				row.getString("subject"), row.getString("html_body"), row.getString("text_body"),
				row.getString("variables"), row.getInt("attempts"));
	}

}
