package io.clientele.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.groups.CustomerGroups;
import io.clientele.groups.ImportedGroup;
import io.clientele.shared.CustomerReference;

/**
 * Bulk import of customer groups, for the console and the back office: each row creates a
 * group or updates the one with its name (in any case), and adds the customers it lists.
 * Members are never removed; a row naming a customer that does not exist is not imported
 * at all. A file can be imported any number of times.
 */
@Component
public class GroupImport {

	/** The columns of a group file: an import's first line. */
	public static final List<String> HEADER = GroupRows.HEADER;

	private final CustomerManagement customers;

	private final CustomerGroups groups;

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	GroupImport(CustomerManagement customers, CustomerGroups groups, TransactionTemplate transaction,
			AuditTrail audit) {
		this.audit = audit;
		this.customers = customers;
		this.groups = groups;
		this.transaction = transaction;
	}

	/**
	 * Imports a group file: every good row is imported, every bad one reported with its
	 * line, column and reason. The import is on the audit trail in the actor's name (a
	 * dry run is not).
	 * @throws ImportRefused when the file cannot be imported at all; nothing is written
	 */
	public ImportReport importGroups(Path file, ImportOptions options, ImportListener listener, AuditActor actor) {
		return importGroups(columns -> CsvSource.open(file, columns), options.fileNameOf(file), options, listener,
				actor, ImportRun.Checkpoints.NONE);
	}

	/** An import job's run (see ImportJobs): the rows from the database, resumable. */
	ImportReport importGroups(ImportRun.Input input, String fileName, ImportOptions options, ImportListener listener,
			AuditActor actor, ImportRun.Checkpoints checkpoints) {
		return new ImportRun<GroupRows.Row>(transaction, options, listener).run(input, fileName, GroupRows.HEADER,
				new GroupRows(groups), this::write, new ImportRun.OnRecord(audit, AuditType.GROUPS_IMPORTED, actor),
				checkpoints);
	}

	private ImportRun.Written write(List<GroupRows.Row> batch) {
		var found = customers
			.findAllByReference(batch.stream().flatMap(row -> row.references().stream()).distinct().toList());
		var rejected = new ArrayList<RowError>();
		var imported = new ArrayList<ImportedGroup>(batch.size());
		for (var row : batch) {
			var members = new ArrayList<CustomerId>(row.references().size());
			var unknown = new ArrayList<String>();
			var deleted = new ArrayList<String>();
			for (var reference : row.references()) {
				var customer = found.get(reference);
				if (customer == null) {
					unknown.add(reference.value());
				}
				else if (customer.anonymized()) {
					deleted.add(reference.value());
				}
				else {
					members.add(customer.id());
				}
			}
			if (unknown.isEmpty() && deleted.isEmpty()) {
				imported.add(new ImportedGroup(row.line(), row.name(), row.description(), members));
			}
			else {
				rejected
					.add(new RowError(row.line(), "customer_references", missing(unknown, deleted, row.references())));
			}
		}
		var written = groups.importBatch(imported);
		return new ImportRun.Written(written.created(), written.updated(), written.unchanged(), rejected);
	}

	// Names the first few and counts them all; the row is written whole or not at all.
	private static String missing(List<String> unknown, List<String> deleted, List<CustomerReference> all) {
		var parts = new ArrayList<String>(2);
		if (!unknown.isEmpty()) {
			parts.add(Reasons.listed(unknown) + (unknown.size() == 1 ? " is not a customer" : " are not customers"));
		}
		if (!deleted.isEmpty()) {
			parts.add(Reasons.listed(deleted)
					+ (deleted.size() == 1 ? " " + Reasons.DELETED : " belong to deleted (anonymised) accounts"));
		}
		return String.join("; ", parts) + " (" + (unknown.size() + deleted.size()) + " of " + all.size()
				+ (all.size() == 1 ? " reference" : " references") + "); nothing of this row was imported";
	}

}
