package io.clientele.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;

/**
 * The steps every import shares: read the file row by row, check each row, write the good
 * ones in batches of {@link #BATCH_SIZE}, one transaction each (rolled back in a dry
 * run), and list the bad ones. A run that writes is on the audit trail twice: once the
 * header is accepted and before any row is written (an entry that cannot be written stops
 * the import with nothing imported), and with its counts at the end. {@link #WRITERS}
 * batches are written at once, on their own connections, while the next one is read and
 * checked: a batch must therefore not depend on the one before it (rows that repeat a key
 * are rejected while reading). Memory stays constant but for the keys seen (see
 * {@link SeenKeys}).
 */
final class ImportRun<T> {

	static final int BATCH_SIZE = 5_000;

	/** Rows read between two reports of the progress when no batch filled up. */
	static final int PROGRESS_ROWS = 1_000;

	/**
	 * Batches written at once. PostgreSQL works on a statement with one core: two keep
	 * two cores busy while the reading thread needs little.
	 */
	static final int WRITERS = 2;

	/** Turns a row into a record to write, or reports what is wrong with it. */
	interface RowReader<T> {

		/** The record, or null after reporting the row's errors. */
		@Nullable T read(long line, List<String> fields, Errors errors);

	}

	/** Writes a batch in the current transaction. */
	interface BatchWriter<T> {

		Written write(List<T> batch);

	}

	/**
	 * What a run that may be resumed keeps between its attempts (see ImportJobs): which
	 * batches an earlier attempt committed, and whether this attempt still owns the run.
	 * A console run keeps nothing.
	 */
	interface Checkpoints {

		Checkpoints NONE = new Checkpoints() {
		};

		/**
		 * Throws when the run was taken from this attempt (its node was taken for dead).
		 */
		default void ensureOwned() {
		}

		/**
		 * Whether this attempt continues an interrupted one (the audit trail says so).
		 */
		default boolean resumed() {
			return false;
		}

		/**
		 * What an earlier attempt wrote for this batch, committed; null when it did not.
		 */
		default @Nullable Written committed(int batch, long firstLine, long lastLine) {
			return null;
		}

		/**
		 * Called first in the batch's transaction: takes the batch for this attempt (an
		 * attempt writing it at the same time waits for this one to end); throws
		 * {@link AlreadyCommitted} when another attempt committed it first.
		 */
		default void beginning(int batch, long firstLine, long lastLine) {
		}

		/**
		 * Called in the batch's transaction after it was written, so that the batch and
		 * its record commit together.
		 */
		default void committing(int batch, Written written) {
		}

	}

	/**
	 * Thrown in a batch's transaction (rolling it back) when another attempt committed
	 * the batch meanwhile; its record then stands for the batch.
	 */
	static final class AlreadyCommitted extends RuntimeException {

		AlreadyCommitted() {
			super("The batch was committed by another attempt", null, false, false);
		}

	}

	/** Opens the rows of an import, checking the header. */
	interface Input {

		CsvSource open(List<String> header);

	}

	/** Collects the errors of a row. */
	interface Errors {

		void add(String column, String reason);

	}

	/** What a batch did. */
	record Written(long created, long updated, long unchanged, List<RowError> rejected) {
	}

	/** Who runs the import and how it is named on the audit trail. */
	record OnRecord(AuditTrail trail, AuditType type, AuditActor actor) {

		void started(String fileName, boolean resumed) {
			trail.record(type, null, actor, fileName + (resumed ? ": resumed" : ": started"));
		}

		void finished(String fileName, ImportReport report) {
			trail.record(type, null, actor,
					String.format(Locale.ROOT, "%s: %d rows, %d created, %d updated, %d unchanged, %d failed%s",
							fileName, report.rows(), report.created(), report.updated(), report.unchanged(),
							report.failed(), report.complete() ? "" : "; the rest of the file was not read"));
		}

	}

	private final TransactionTemplate transaction;

	private final ImportOptions options;

	private final ImportListener listener;

	private final List<RowError> firstErrors = new ArrayList<>();

	private @Nullable CsvWriter report;

	private long created;

	private long updated;

	private long unchanged;

	private long failed;

	private long rows;

	ImportRun(TransactionTemplate transaction, ImportOptions options, ImportListener listener) {
		this.transaction = transaction;
		this.options = options;
		this.listener = listener;
	}

	ImportReport run(Path file, List<String> header, RowReader<T> reader, BatchWriter<T> writer, OnRecord onRecord) {
		return run(columns -> CsvSource.open(file, columns), options.fileNameOf(file), header, reader, writer, onRecord,
				Checkpoints.NONE);
	}

	ImportReport run(Input input, String fileName, List<String> header, RowReader<T> reader, BatchWriter<T> writer,
			OnRecord onRecord, Checkpoints checkpoints) {
		this.header = header;
		this.checkpoints = checkpoints;
		var started = System.nanoTime();
		var complete = true;
		try (var source = input.open(header);
				ExecutorService writing = Executors.newFixedThreadPool(WRITERS,
						Thread.ofPlatform().name("import-writer-", 1).daemon(true).factory())) {
			if (!options.dryRun()) {
				onRecord.started(fileName, checkpoints.resumed());
			}
			var pending = new java.util.ArrayDeque<Future<Written>>(WRITERS);
			var batch = new ArrayList<T>(BATCH_SIZE);
			while (true) {
				de.siegmar.fastcsv.reader.CsvRecord record;
				try {
					record = source.next();
				}
				catch (CsvSource.UnreadableRow ex) {
					rows++;
					failed++;
					record(new RowError(ex.line() > 0 ? ex.line() : lastLine + 1, RowError.WHOLE_ROW,
							ex.getMessage() + "; the rest of the file was not read"));
					complete = false;
					break;
				}
				if (record == null) {
					break;
				}
				rows++;
				var value = read(reader, record, header.size());
				if (value != null) {
					if (batch.isEmpty()) {
						firstLine = lastLine;
					}
					batch.add(value);
				}
				if (batch.size() == BATCH_SIZE) {
					checkpoints.ensureOwned();
					if (pending.size() == WRITERS) {
						finish(pending.poll());
					}
					pending.add(submit(writing, writer, List.copyOf(batch)));
					batch.clear();
					listener.progress(source.bytesRead(), source.size(), rows);
				}
				else if (rows % PROGRESS_ROWS == 0) {
					checkpoints.ensureOwned();
					listener.progress(source.bytesRead(), source.size(), rows);
				}
			}
			if (!batch.isEmpty()) {
				checkpoints.ensureOwned();
				pending.add(submit(writing, writer, batch));
			}
			while (!pending.isEmpty()) {
				finish(pending.poll());
			}
			listener.progress(source.size(), source.size(), rows);
		}
		finally {
			closeReport();
		}
		var report = new ImportReport(rows, created, updated, unchanged, failed, options.dryRun(), complete,
				firstErrors, failed > 0 ? options.reportFile() : null, Duration.ofNanos(System.nanoTime() - started));
		if (!options.dryRun()) {
			// a run taken from this attempt is finished, and recorded, by the one that
			// took it
			checkpoints.ensureOwned();
			onRecord.finished(fileName, report);
		}
		return report;
	}

	private long lastLine = 1;

	private long firstLine = 1;

	private int batches;

	private Checkpoints checkpoints = Checkpoints.NONE;

	// A batch an earlier attempt committed is not written again: its counts and errors
	// come from its record, in the place the batch has in the file.
	private Future<Written> submit(ExecutorService writing, BatchWriter<T> writer, List<T> batch) {
		var number = batches++;
		var first = firstLine;
		var last = lastLine;
		if (!options.dryRun()) {
			var committed = checkpoints.committed(number, first, last);
			if (committed != null) {
				return java.util.concurrent.CompletableFuture.completedFuture(committed);
			}
		}
		return writing.submit(write(writer, batch, number, first, last));
	}

	private List<String> header = List.of();

	// An exported cell comes back as it was (SpreadsheetCells); a password column as it
	// is
	// written, since a clear password may start with a quote.
	private List<String> restored(List<String> fields) {
		var restored = new ArrayList<String>(fields.size());
		for (var i = 0; i < fields.size(); i++) {
			var field = fields.get(i);
			restored
				.add(i < header.size() && header.get(i).equals("password") ? field : SpreadsheetCells.restored(field));
		}
		return restored;
	}

	private @Nullable T read(RowReader<T> reader, de.siegmar.fastcsv.reader.CsvRecord record, int columns) {
		var line = record.getStartingLineNumber();
		lastLine = line;
		var fields = restored(record.getFields());
		if (fields.size() != columns) {
			var unclosedQuote = fields.stream().anyMatch(field -> field.indexOf('\n') >= 0);
			failed++;
			record(new RowError(line, RowError.WHOLE_ROW,
					"has " + fields.size() + (fields.size() == 1 ? " column" : " columns") + ", expected " + columns
							+ (unclosedQuote ? " (a quote opened in this row is not closed)" : "")));
			return null;
		}
		var rowErrors = new ArrayList<RowError>(2);
		for (var i = 0; i < columns; i++) {
			if (fields.get(i).indexOf(CsvSource.REPLACEMENT) >= 0) {
				rowErrors.add(new RowError(line, header.get(i), "is not valid UTF-8"));
			}
		}
		T value = null;
		if (rowErrors.isEmpty()) {
			value = reader.read(line, fields, (column, reason) -> rowErrors.add(new RowError(line, column, reason)));
		}
		if (!rowErrors.isEmpty()) {
			failed++;
			rowErrors.forEach(this::record);
			return null;
		}
		return value;
	}

	private java.util.concurrent.Callable<Written> write(BatchWriter<T> writer, List<T> batch, int number, long first,
			long last) {
		return () -> {
			checkpoints.ensureOwned();
			try {
				return transaction.execute(status -> {
					if (!options.dryRun()) {
						checkpoints.beginning(number, first, last);
					}
					var result = writer.write(batch);
					if (options.dryRun()) {
						status.setRollbackOnly();
					}
					else {
						checkpoints.committing(number, result);
					}
					return result;
				});
			}
			catch (AlreadyCommitted ex) {
				var earlier = checkpoints.committed(number, first, last);
				if (earlier == null) {
					throw new IllegalStateException("Batch " + number + " is neither written nor recorded", ex);
				}
				return earlier;
			}
		};
	}

	private void finish(@Nullable Future<Written> pending) {
		if (pending == null) {
			return;
		}
		Written written;
		try {
			written = pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The import was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		created += written.created();
		updated += written.updated();
		unchanged += written.unchanged();
		failed += written.rejected().stream().mapToLong(RowError::line).distinct().count();
		written.rejected().forEach(this::record);
	}

	private void record(RowError error) {
		if (firstErrors.size() < ImportReport.SHOWN_ERRORS) {
			firstErrors.add(error);
		}
		listener.failed(error);
		var file = options.reportFile();
		if (file == null) {
			return;
		}
		try {
			if (report == null) {
				report = CsvWriter.builder().build(Files.newBufferedWriter(file));
				report.writeRecord("line", "column", "reason");
			}
			report.writeRecord(String.valueOf(error.line()), SpreadsheetCells.neutralised(error.column()),
					SpreadsheetCells.neutralised(error.reason()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeReport() {
		if (report != null) {
			try {
				report.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
