package io.clientele.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.address.AddressBook;
import io.clientele.address.ImportedAddress;
import io.clientele.customer.CustomerManagement;

/**
 * Bulk import of customers' addresses, for the console and the back office: each row adds
 * an address to the customer with its {@code customer_reference}. An address the customer
 * already has is not added again, so a file can be imported any number of times.
 */
@Component
public class AddressImport {

	/** The columns of an address file: an import's first line. */
	public static final List<String> HEADER = AddressRows.HEADER;

	private final CustomerManagement customers;

	private final AddressBook addresses;

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	AddressImport(CustomerManagement customers, AddressBook addresses, TransactionTemplate transaction,
			AuditTrail audit) {
		this.audit = audit;
		this.customers = customers;
		this.addresses = addresses;
		this.transaction = transaction;
	}

	/**
	 * Imports an address file: every good row is imported, every bad one reported with
	 * its line, column and reason. The import is on the audit trail in the actor's name
	 * (a dry run is not).
	 * @throws ImportRefused when the file cannot be imported at all; nothing is written
	 */
	public ImportReport importAddresses(Path file, ImportOptions options, ImportListener listener, AuditActor actor) {
		return importAddresses(columns -> CsvSource.open(file, columns), options.fileNameOf(file), options, listener,
				actor, ImportRun.Checkpoints.NONE);
	}

	/** An import job's run (see ImportJobs): the rows from the database, resumable. */
	ImportReport importAddresses(ImportRun.Input input, String fileName, ImportOptions options, ImportListener listener,
			AuditActor actor, ImportRun.Checkpoints checkpoints) {
		return new ImportRun<AddressRows.Row>(transaction, options, listener).run(input, fileName, AddressRows.HEADER,
				new AddressRows(addresses), this::write,
				new ImportRun.OnRecord(audit, AuditType.ADDRESSES_IMPORTED, actor), checkpoints);
	}

	private ImportRun.Written write(List<AddressRows.Row> batch) {
		var found = customers.findAllByReference(batch.stream().map(AddressRows.Row::reference).toList());
		var rejected = new ArrayList<RowError>();
		var imported = new ArrayList<ImportedAddress>(batch.size());
		for (var row : batch) {
			var customer = found.get(row.reference());
			if (customer == null) {
				rejected.add(new RowError(row.line(), "customer_reference",
						"no customer has the reference " + row.reference().value()));
			}
			else if (customer.anonymized()) {
				rejected.add(new RowError(row.line(), "customer_reference",
						row.reference().value() + " " + Reasons.DELETED));
			}
			else {
				imported.add(new ImportedAddress(row.line(), customer.id(), row.address(), row.defaultBilling(),
						row.defaultShipping(), row.firstOfCustomer()));
			}
		}
		var written = addresses.importBatch(imported);
		return new ImportRun.Written(written.created(), written.updated(), written.unchanged(), rejected);
	}

}
