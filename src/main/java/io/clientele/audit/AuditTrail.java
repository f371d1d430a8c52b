package io.clientele.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit trail. An entry is written in the caller's transaction, so a
 * change that is rolled back leaves no entry; entries are never changed or removed.
 */
@Component
public class AuditTrail {

	/**
	 * The actor of an event nobody signed in caused (a failed login, a reset request).
	 */
	public static final String ANONYMOUS = "anonymous";

	/** The actor of events the customer caused. */
	public static final String CUSTOMER = "customer";

	private static final int MAX_DETAIL = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an event in the caller's transaction: when the insert fails, the caller's
	 * action is rolled back with it.
	 */
	public void record(AuditType type, @Nullable UUID customer, AuditActor actor, @Nullable String detail) {
		record(type, customer, actor.name(), actor.clientAddress(), detail);
	}

	/** Records an event with an actor and client address the caller knows. */
	public void record(AuditType type, @Nullable UUID customer, String actor, @Nullable String clientAddress,
			@Nullable String detail) {
		jdbc.sql("insert into audit_entry (occurred_at, type, actor, customer_id, client_address, detail)"
				+ " values (?, ?, ?, ?, ?, ?)")
			.params(Timestamp.from(clock.instant()), type.name(), truncate(actor, 150), customer,
					clientAddress == null ? null : truncate(clientAddress, 64),
					detail == null ? null : truncate(detail, MAX_DETAIL))
			.update();
	}

	/**
	 * Records the same event for many customers in one statement: a bulk action (the
	 * console's password mails) leaves one entry per customer it touched.
	 */
	public void recordAll(AuditType type, java.util.List<UUID> customers, AuditActor actor, @Nullable String detail) {
		if (customers.isEmpty()) {
			return;
		}
		var ids = customers.stream().map(UUID::toString).toArray(String[]::new);
		// positional parameters: the driver takes the array as it is, the SQL casts it
		var clientAddress = actor.clientAddress();
		jdbc.sql("insert into audit_entry (occurred_at, type, actor, customer_id, client_address, detail)"
				+ " select ?::timestamptz, ?::varchar, ?::varchar, c.id, ?::varchar, ?::varchar"
				+ " from unnest(?::uuid[]) as c(id)")
			.params(java.util.Arrays.asList(Timestamp.from(clock.instant()), type.name(), truncate(actor.name(), 150),
					clientAddress == null ? null : truncate(clientAddress, 64),
					detail == null ? null : truncate(detail, MAX_DETAIL), ids))
			.update();
	}

	/** The client address of the current request, if there is one. */
	public static @Nullable String currentClientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

	/** Entries matching the filter, newest first. */
	public AuditPage find(AuditFilter filter, int offset, int limit) {
		var where = new StringBuilder(" where true");
		var params = new HashMap<String, Object>();
		if (filter.actor() != null && !filter.actor().isBlank()) {
			where.append(" and lower(actor) like :actor");
			params.put("actor",
					"%" + filter.actor()
						.strip()
						.toLowerCase(java.util.Locale.ROOT)
						.replace("\\", "\\\\")
						.replace("%", "\\%")
						.replace("_", "\\_") + "%");
		}
		if (filter.customer() != null) {
			where.append(" and customer_id = :customer");
			params.put("customer", filter.customer());
		}
		if (filter.type() != null) {
			where.append(" and type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.until() != null) {
			where.append(" and occurred_at < :until");
			params.put("until", Timestamp.from(filter.until()));
		}
		var entries = jdbc
			.sql("select id, occurred_at, type, actor, customer_id, client_address, detail from audit_entry" + where
					+ " order by occurred_at desc, id desc offset :offset limit :limit")
			.params(params)
			.param("offset", offset)
			.param("limit", limit + 1)
			.query((row, n) -> new AuditEntry(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(),
					AuditType.valueOf(row.getString("type")), row.getString("actor"),
					row.getObject("customer_id", UUID.class), row.getString("client_address"), row.getString("detail")))
			.list();
		return new AuditPage(entries.stream().limit(limit).toList(), offset, limit, entries.size() > limit);
	}

	/** How many events of a type occurred since the given time. */
	public long count(AuditType type, Instant since) {
		return jdbc.sql("select count(*) from audit_entry where type = ? and occurred_at >= ?")
			.params(type.name(), Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	private static String truncate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

}
