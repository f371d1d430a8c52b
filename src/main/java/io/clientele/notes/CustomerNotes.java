package io.clientele.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerAnonymized;
import io.clientele.customer.CustomerId;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/**
 * Notes staff keep on a customer: added, never edited or removed (but with the account).
 */
@Component
public class CustomerNotes {

	/** The longest note. */
	public static final int MAX_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	CustomerNotes(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/** The customer's notes, newest first. */
	public List<CustomerNote> findAll(CustomerId customer) {
		return jdbc
			.sql("select id, text, author, written_at from notes_note where customer_id = ?"
					+ " order by written_at desc, id desc")
			.param(customer.value())
			.query((row, n) -> new CustomerNote(row.getObject("id", UUID.class), row.getString("text"),
					row.getString("author"), row.getTimestamp("written_at").toInstant()))
			.list();
	}

	/**
	 * Adds a note in the author's name (as the note shows it), on the record for the
	 * acting staff member in the same transaction.
	 * @throws InvalidInput when the note is blank or longer than {@value #MAX_LENGTH}
	 * characters
	 */
	@Transactional
	public CustomerNote add(CustomerId customer, String text, String author, AuditActor actor) {
		var violations = new ArrayList<Violation>();
		var note = text.strip();
		if (note.isEmpty()) {
			violations.add(Violation.of("text", "note.required"));
		}
		else if (note.codePointCount(0, note.length()) > MAX_LENGTH) {
			violations.add(Violation.of("text", "note.too-long", MAX_LENGTH));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		var id = UUID.randomUUID();
		var now = clock.instant();
		jdbc.sql("insert into notes_note (id, customer_id, text, author, written_at) values (?, ?, ?, ?, ?)")
			.params(id, customer.value(), note, author, Timestamp.from(now))
			.update();
		audit.record(AuditType.NOTE_ADDED, customer.value(), actor, null);
		return new CustomerNote(id, note, author, now);
	}

	/** A closed account keeps no notes: they may name the person. */
	@EventListener
	void on(CustomerAnonymized event) {
		jdbc.sql("delete from notes_note where customer_id = ?").param(event.customerId().value()).update();
	}

}
