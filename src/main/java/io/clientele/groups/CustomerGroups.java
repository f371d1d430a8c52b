package io.clientele.groups;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
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
 * Customer groups and their members. A name is unique regardless of case, at most 70
 * characters.
 */
@Component
public class CustomerGroups {

	public static final int MAX_NAME_LENGTH = 70;

	public static final int MAX_DESCRIPTION_LENGTH = 255;

	private static final String WITH_COUNTS = "select g.id, g.name, g.description,"
			+ " (select count(*) from groups_membership m where m.group_id = g.id) as members from groups_group g";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final GroupImports imports;

	private final AuditTrail audit;

	CustomerGroups(JdbcClient jdbc, Clock clock, GroupImports imports, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.imports = imports;
		this.audit = audit;
	}

	/**
	 * Every rule a name and description break, all at once (not whether the name is
	 * taken): {@code group.name.required}, {@code group.name.too-long} and
	 * {@code group.description.too-long}, with the limit as argument.
	 */
	public List<Violation> check(String name, @Nullable String description) {
		var violations = new ArrayList<Violation>();
		var trimmed = name.strip();
		if (trimmed.isEmpty()) {
			violations.add(Violation.of("name", "group.name.required"));
		}
		else if (trimmed.length() > MAX_NAME_LENGTH) {
			violations.add(Violation.of("name", "group.name.too-long", MAX_NAME_LENGTH));
		}
		var text = description == null || description.isBlank() ? null : description.strip();
		if (text != null && text.length() > MAX_DESCRIPTION_LENGTH) {
			violations.add(Violation.of("description", "group.description.too-long", MAX_DESCRIPTION_LENGTH));
		}
		return violations;
	}

	/** Every group, by name, with its number of members. */
	public List<CustomerGroup> all() {
		return jdbc.sql(WITH_COUNTS + " order by lower(g.name)").query(this::group).list();
	}

	/** Every group's id and name, by name, without counting members (for choices). */
	public List<GroupName> names() {
		return jdbc.sql("select id, name from groups_group order by lower(name)")
			.query((row, n) -> new GroupName(row.getObject(1, UUID.class), row.getString(2)))
			.list();
	}

	public Optional<CustomerGroup> find(UUID id) {
		return jdbc.sql(WITH_COUNTS + " where g.id = ?").param(id).query(this::group).optional();
	}

	/** The groups the customer belongs to, by name. */
	public List<CustomerGroup> groupsOf(CustomerId customer) {
		return jdbc
			.sql(WITH_COUNTS + " where g.id in (select group_id from groups_membership where customer_id = ?)"
					+ " order by lower(g.name)")
			.param(customer.value())
			.query(this::group)
			.list();
	}

	/**
	 * The names of the groups of each of the customers, by name (one query for a page of
	 * customers; no counts).
	 */
	public java.util.Map<CustomerId, List<String>> groupNamesOf(java.util.Collection<CustomerId> customers) {
		var names = new java.util.HashMap<CustomerId, List<String>>();
		customers.forEach(customer -> names.put(customer, new java.util.ArrayList<>()));
		if (customers.isEmpty()) {
			return names;
		}
		jdbc.sql("select m.customer_id, g.name from groups_membership m join groups_group g on g.id = m.group_id"
				+ " where m.customer_id = any(?) order by lower(g.name)")
			.param(customers.stream().map(CustomerId::value).toArray(UUID[]::new))
			.query((java.sql.ResultSet row) -> {
				names.get(new CustomerId(row.getObject(1, UUID.class))).add(row.getString(2));
			});
		return names;
	}

	/** The ids of the group's members, in no particular order. */
	public List<CustomerId> members(UUID group) {
		return jdbc.sql("select customer_id from groups_membership where group_id = ?")
			.param(group)
			.query((row, n) -> new CustomerId(row.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * @throws InvalidInput for a blank, over-long or taken name, or an over-long
	 * description
	 */
	public CustomerGroup create(String name, @Nullable String description) {
		var id = UUID.randomUUID();
		save(id, name, description, true);
		return find(id).orElseThrow();
	}

	/**
	 * @throws InvalidInput for a blank, over-long or taken name, or an over-long
	 * description
	 */
	public CustomerGroup change(UUID id, String name, @Nullable String description) {
		save(id, name, description, false);
		return find(id).orElseThrow();
	}

	/** Deletes the group; its members stay customers. */
	public void delete(UUID id) {
		jdbc.sql("delete from groups_membership where group_id = ?").param(id).update();
		jdbc.sql("delete from groups_group where id = ?").param(id).update();
	}

	/**
	 * Adds the customer to the group, on the record (with the group's name) in the same
	 * transaction; adding twice changes nothing.
	 * @throws IllegalArgumentException when there is no such group
	 */
	@Transactional
	public void assign(UUID group, CustomerId customer, AuditActor actor) {
		var name = nameOf(group);
		jdbc.sql("insert into groups_membership (group_id, customer_id, added_at) values (?, ?, ?)"
				+ " on conflict do nothing")
			.params(group, customer.value(), Timestamp.from(clock.instant()))
			.update();
		audit.record(AuditType.GROUP_ADDED, customer.value(), actor, name);
	}

	/**
	 * Takes the customer out of the group, on the record (with the group's name) in the
	 * same transaction.
	 * @throws IllegalArgumentException when there is no such group
	 */
	@Transactional
	public void remove(UUID group, CustomerId customer, AuditActor actor) {
		var name = nameOf(group);
		jdbc.sql("delete from groups_membership where group_id = ? and customer_id = ?")
			.params(group, customer.value())
			.update();
		audit.record(AuditType.GROUP_REMOVED, customer.value(), actor, name);
	}

	private String nameOf(UUID group) {
		// not find(): that counts the members
		return jdbc.sql("select name from groups_group where id = ?")
			.param(group)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No customer group " + group));
	}

	/**
	 * Creates and updates the groups of one batch of a bulk import, in a few statements;
	 * the caller checked each with {@link #check} and makes the transaction (one per
	 * batch). A group is found by its name in any case (and keeps its name); its
	 * description becomes the imported one, and the members are added. Members are never
	 * removed.
	 */
	@Transactional
	public ImportedGroups importBatch(List<ImportedGroup> batch) {
		return imports.write(batch, clock.instant());
	}

	/** A closed account belongs to no group (Spryker removes it as well). */
	@EventListener
	void on(CustomerAnonymized event) {
		jdbc.sql("delete from groups_membership where customer_id = ?").param(event.customerId().value()).update();
	}

	private void save(UUID id, String name, @Nullable String description, boolean create) {
		var violations = new ArrayList<>(check(name, description));
		var trimmed = name.strip();
		var text = description == null || description.isBlank() ? null : description.strip();
		if (violations.isEmpty()) {
			try {
				if (create) {
					jdbc.sql("insert into groups_group (id, name, description, created_at) values (?, ?, ?, ?)")
						.params(id, trimmed, text, Timestamp.from(clock.instant()))
						.update();
				}
				else {
					jdbc.sql("update groups_group set name = ?, description = ? where id = ?")
						.params(trimmed, text, id)
						.update();
				}
				return;
			}
			catch (DuplicateKeyException ex) {
				violations.add(Violation.of("name", "group.name.taken"));
			}
		}
		throw new InvalidInput(violations);
	}

	private CustomerGroup group(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
		return new CustomerGroup(row.getObject("id", UUID.class), row.getString("name"), row.getString("description"),
				row.getLong("members"));
	}

}
