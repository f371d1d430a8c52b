package io.clientele.groups;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clientele.shared.OrderedUuid;

/**
 * Writes a batch of imported groups with a few set-based statements: the groups go into a
 * temporary table that also finds each one's existing group by name (through the index on
 * {@code lower(name)}), the members into another; then new groups are inserted, changed
 * descriptions updated and missing memberships inserted, one statement each. Members are
 * never removed, and what is already so is not written: an import run twice changes
 * nothing.
 */
@Repository
class GroupImports {

	private final JdbcClient jdbc;

	GroupImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Must run in a transaction: the temporary tables empty at commit. */
	ImportedGroups write(List<ImportedGroup> batch, Instant now) {
		if (batch.isEmpty()) {
			return new ImportedGroups(0, 0, 0);
		}
		jdbc.sql("""
				create temporary table if not exists groups_import_batch (
				    line bigint not null, name text not null, description text, id uuid not null,
				    existing boolean not null, description_changed boolean not null
				) on commit delete rows
				""").update();
		jdbc.sql("""
				create temporary table if not exists groups_import_member (
				    line bigint not null, customer_id uuid not null
				) on commit delete rows
				""").update();
		stage(batch);
		var timestamp = Timestamp.from(now);
		jdbc.sql("""
				insert into groups_group (id, name, description, created_at)
				select id, name, description, ? from groups_import_batch where not existing
				""").param(timestamp).update();
		jdbc.sql("""
				update groups_group g set description = b.description
				from groups_import_batch b where b.description_changed and g.id = b.id
				""").update();
		// each membership is looked up in the primary key (group_id, customer_id)
		var gained = new HashSet<>(jdbc
			.sql("""
					with added as (
					    insert into groups_membership (group_id, customer_id, added_at)
					    select b.id, m.customer_id, ? from groups_import_member m join groups_import_batch b on b.line = m.line
					    on conflict do nothing
					    returning group_id)
					select distinct group_id from added
					""")
			.param(timestamp)
			.query(UUID.class)
			.list());
		long created = 0;
		long updated = 0;
		long unchanged = 0;
		for (var row : jdbc.sql("select id, existing, description_changed from groups_import_batch")
			.query((row, n) -> new Staged(row.getObject(1, UUID.class), row.getBoolean(2), row.getBoolean(3)))
			.list()) {
			if (!row.existing()) {
				created++;
			}
			else if (row.descriptionChanged() || gained.contains(row.id())) {
				updated++;
			}
			else {
				unchanged++;
			}
		}
		return new ImportedGroups(created, updated, unchanged);
	}

	private record Staged(UUID id, boolean existing, boolean descriptionChanged) {
	}

	private void stage(List<ImportedGroup> batch) {
		var size = batch.size();
		var lines = new Long[size];
		var names = new String[size];
		var descriptions = new String[size];
		var ids = new UUID[size];
		var memberLines = new ArrayList<Long>();
		var members = new ArrayList<UUID>();
		for (var i = 0; i < size; i++) {
			var group = batch.get(i);
			lines[i] = group.line();
			names[i] = group.name().strip();
			descriptions[i] = blankToNull(group.description());
			ids[i] = OrderedUuid.next();
			for (var member : group.members()) {
				memberLines.add(group.line());
				members.add(member.value());
			}
		}
		jdbc.sql(
				"""
						insert into groups_import_batch (line, name, description, id, existing, description_changed)
						select u.line, u.name, u.description, coalesce(g.id, u.new_id), g.id is not null,
						    g.id is not null and g.description is distinct from u.description
						from unnest(?::bigint[], ?::text[], ?::text[], ?::uuid[]) as u (line, name, description, new_id)
						left join lateral (
						    select g.id, g.description from groups_group g where lower(g.name) = lower(u.name) limit 1) g on true
						""")
			.params(lines, names, descriptions, ids)
			.update();
		if (!members.isEmpty()) {
			jdbc.sql(
					"insert into groups_import_member (line, customer_id) select * from unnest(?::bigint[], ?::uuid[])")
				.params(memberLines.toArray(Long[]::new), members.toArray(UUID[]::new))
				.update();
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
