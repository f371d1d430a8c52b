package io.clientele.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.credentials.PasswordManagement;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.ImportedCustomers.Change;

/**
 * Bulk import and export of customers in Spryker's {@code customer.csv} format, for the
 * console and the back office. An import creates or updates by {@code customer_reference}
 * (else by email), keeps foreign password hashes as they are, and can run any number of
 * times: unchanged rows are not written.
 */
@Component
public class CustomerImport {

	/**
	 * The columns of {@code customer.csv}, in Spryker's order: an import's first line.
	 */
	public static final List<String> HEADER = CustomerRows.HEADER;

	/** Rows per page of an export. */
	static final int EXPORT_PAGE = 5_000;

	private final CustomerManagement customers;

	private final PasswordManagement passwords;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditTrail audit;

	CustomerImport(CustomerManagement customers, PasswordManagement passwords, TransactionTemplate transaction,
			Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.customers = customers;
		this.passwords = passwords;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Imports a {@code customer.csv}: every good row is imported, every bad one reported
	 * with its line, column and reason. The import is on the audit trail in the actor's
	 * name (a dry run is not).
	 * @throws ImportRefused when the file cannot be imported at all; nothing is written
	 */
	public ImportReport importCustomers(Path file, ImportOptions options, ImportListener listener, AuditActor actor) {
		return importCustomers(columns -> CsvSource.open(file, columns), options.fileNameOf(file), options, listener,
				actor, ImportRun.Checkpoints.NONE);
	}

	/** An import job's run (see ImportJobs): the rows from the database, resumable. */
	ImportReport importCustomers(ImportRun.Input input, String fileName, ImportOptions options, ImportListener listener,
			AuditActor actor, ImportRun.Checkpoints checkpoints) {
		var rows = new CustomerRows(customers, passwords, options.plaintextPasswords(),
				LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
		return new ImportRun<CustomerRows.Row>(transaction, options, listener).run(input, fileName, CustomerRows.HEADER,
				rows, batch -> write(batch, options.dryRun()),
				new ImportRun.OnRecord(audit, AuditType.CUSTOMERS_IMPORTED, actor), checkpoints);
	}

	private ImportRun.Written write(List<CustomerRows.Row> batch, boolean dryRun) {
		var hashes = hashesOf(batch);
		var result = customers.importBatch(batch.stream().map(CustomerRows.Row::customer).toList(), dryRun);
		var toStore = new HashMap<CustomerId, String>();
		for (var saved : result.saved()) {
			var hash = hashes.get(saved.line());
			if (hash != null) {
				toStore.put(saved.id(), hash);
			}
		}
		var stored = passwords.storeImportedHashes(toStore);
		long created = 0;
		long updated = 0;
		long unchanged = 0;
		for (var saved : result.saved()) {
			if (saved.change() == Change.CREATED) {
				created++;
			}
			else if (saved.change() == Change.UPDATED || stored.contains(saved.id())) {
				updated++;
			}
			else {
				unchanged++;
			}
		}
		var rejected = result.rejected()
			.stream()
			.map(rejection -> new RowError(rejection.line(), rejection.column(), rejection.reason()))
			.toList();
		return new ImportRun.Written(created, updated, unchanged, rejected);
	}

	// The hash of each row by line; clear passwords are hashed here, on every core.
	private HashMap<Long, String> hashesOf(List<CustomerRows.Row> batch) {
		var hashes = new HashMap<Long, String>();
		var plaintext = new ArrayList<CustomerRows.Row>();
		for (var row : batch) {
			if (row.password() != null) {
				if (row.plaintext()) {
					plaintext.add(row);
				}
				else {
					hashes.put(row.customer().line(), row.password());
				}
			}
		}
		if (!plaintext.isEmpty()) {
			plaintext.parallelStream()
				.map(row -> java.util.Map.entry(row.customer().line(),
						passwords.hashImportedPassword(java.util.Objects.requireNonNull(row.password()))))
				.toList()
				.forEach(entry -> hashes.put(entry.getKey(), entry.getValue()));
		}
		return hashes;
	}

	/**
	 * Writes every open account as {@code customer.csv} (Spryker's columns and order), in
	 * pages; password hashes only when asked for. Returns the number of customers. The
	 * export is on the audit trail in the actor's name before the first row is written,
	 * so that an interrupted one is on record too, and none starts unrecorded.
	 */
	public long exportCustomers(Writer out, boolean withPasswordHashes, AuditActor actor) {
		audit.record(AuditType.CUSTOMERS_EXPORTED, null, actor,
				withPasswordHashes ? "customer.csv with password hashes" : "customer.csv without password hashes");
		var csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
		csv.writeRecord(CustomerRows.HEADER);
		long count = 0;
		CustomerDetails last = null;
		while (true) {
			var page = customers.openAccountsAfter(last, EXPORT_PAGE);
			if (page.isEmpty()) {
				break;
			}
			var hashes = withPasswordHashes ? passwords.hashesOf(page.stream().map(CustomerDetails::id).toList())
					: java.util.Map.<CustomerId, String>of();
			for (var customer : page) {
				csv.writeRecord(Stream
					.of(customer.reference().value(), customer.locale().code(), orEmpty(customer.phone()),
							customer.email().value(), customer.salutation() == null ? "" : customer.salutation().name(),
							customer.firstName(), customer.lastName(), orEmpty(customer.company()),
							customer.gender() == null ? "" : customer.gender().name(),
							customer.dateOfBirth() == null ? "" : customer.dateOfBirth().toString(),
							hashes.getOrDefault(customer.id(), ""),
							customer.confirmedAt() == null ? ""
									: customer.confirmedAt().atZone(ZoneOffset.UTC).toLocalDate().toString())
					.map(SpreadsheetCells::neutralised)
					.toList());
				count++;
			}
			last = page.get(page.size() - 1);
		}
		try {
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return count;
	}

	private static String orEmpty(@org.jspecify.annotations.Nullable String value) {
		return value == null ? "" : value;
	}

}
