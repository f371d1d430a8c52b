package io.clientele.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.clientele.audit.AuditActor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The back office's import jobs: an uploaded file of customers, addresses or groups,
 * checked by a dry run, then imported. Everything about a job lives in PostgreSQL (the
 * job, its progress and reports, its failed rows, the file itself in chunks), so that any
 * node shows any job and a restart loses none. The node that takes a request to run a job
 * claims it with a conditional update and runs it, saying every
 * {@link ImportJobSettings#heartbeat()} that it is alive; a job whose node fell silent
 * for {@link ImportJobSettings#staleAfter()} is {@link ImportJobStatus#INTERRUPTED} for
 * any node's sweeper, and its uploader may resume it. One job at a time runs in the whole
 * installation: a unique index on the running jobs refuses a second one atomically,
 * whichever node asks. An import commits each batch with its record, so a resumed import
 * skips the batches committed before the interruption and writes every row once; its
 * report counts both. Jobs at rest are deleted once nobody looked at them for
 * {@link ImportJobSettings#kept()}; a file as soon as the import ended.
 */
@Component
public class ImportJobs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** The size of a stored piece of an uploaded file. */
	static final int CHUNK = 1 << 20;

	/** The failed rows listed (in the CSV) per run at most; the counts stay exact. */
	public static final int MAX_LISTED_ERRORS = 100_000;

	/** How long an upload waits for its dry run before showing the progress. */
	static final Duration WAIT_FOR_CHECK = Duration.ofSeconds(3);

	private static final int SNIFFED_BYTES = 8192;

	private static final int MAX_FILE_NAME = 120;

	private static final int MAX_REFUSAL = 1_000;

	private static final String DEFAULT_NAME = "upload.csv";

	private static final String RUNNING = "('CHECKING', 'IMPORTING')";

	private static final TypeReference<List<RowError>> ROW_ERRORS = new TypeReference<>() {
	};

	/** Another file is being checked or imported, on any node. */
	public static final class Busy extends RuntimeException {

		Busy() {
			super("Another import is running", null, false, false);
		}

	}

	/** The upload holds binary data: a workbook, an archive, an image; no CSV text. */
	public static final class NotText extends RuntimeException {

		NotText() {
			super("Not a text file", null, false, false);
		}

	}

	// The run was taken from this node (it was taken for dead): it stops, writing nothing
	// more about the job.
	private static final class ClaimLost extends RuntimeException {

		ClaimLost() {
			super("The import job was taken over", null, false, false);
		}

	}

	// A run this node holds: the token its updates must match, and whether a heartbeat
	// found it taken away.
	private record Claim(UUID token, java.util.concurrent.atomic.AtomicBoolean lost) {

		static Claim next() {
			return new Claim(UUID.randomUUID(), new java.util.concurrent.atomic.AtomicBoolean());
		}

	}

	// A report as the job row keeps it (no file path: the failed rows are in a table).
	record StoredReport(long rows, long created, long updated, long unchanged, long failed, boolean dryRun,
			boolean complete, List<RowError> firstErrors, long tookMillis) {

		static StoredReport of(ImportReport report) {
			return new StoredReport(report.rows(), report.created(), report.updated(), report.unchanged(),
					report.failed(), report.dryRun(), report.complete(), report.firstErrors(),
					report.took().toMillis());
		}

		ImportReport report() {
			return new ImportReport(rows, created, updated, unchanged, failed, dryRun, complete, firstErrors, null,
					Duration.ofMillis(tookMillis));
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final CustomerImport customerImport;

	private final AddressImport addressImport;

	private final GroupImport groupImport;

	private final ImportJobSettings settings;

	// the runs this node holds, for its heartbeats; what other nodes need is in the
	// database
	private final Map<UUID, Claim> claims = new ConcurrentHashMap<>();

	private @Nullable ExecutorService runner;

	private @Nullable ScheduledExecutorService ticker;

	private volatile boolean stopping;

	ImportJobs(JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json, CustomerImport customerImport,
			AddressImport addressImport, GroupImport groupImport, ImportJobSettings settings) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.json = json;
		this.customerImport = customerImport;
		this.addressImport = addressImport;
		this.groupImport = groupImport;
		this.settings = settings;
	}

	/**
	 * Stores the uploaded file, starts its dry run on this node and waits a little for
	 * it, so that a small file shows its report at once. A refused file's job is deleted
	 * at once (there is nothing to come back to); the returned job says why.
	 * @param owner the staff member who alone may see the job
	 * @param plaintextPasswords whether a customer file's password column holds clear
	 * passwords
	 * @throws Busy when another file is being checked or imported
	 * @throws NotText when the file holds binary data
	 */
	public ImportJob upload(UUID owner, AuditActor uploader, @Nullable String originalName, InputStream content,
			ImportKind kind, boolean plaintextPasswords) {
		byte[] first;
		try {
			first = content.readNBytes(CHUNK);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (binary(first)) {
			throw new NotText();
		}
		var id = UUID.randomUUID();
		var claim = Claim.next();
		try {
			jdbc.sql("""
					insert into importing_job (id, kind, plaintext_passwords, owner_id, uploaded_by, file_name,
					    status, claim_token, heartbeat_at, created_at, started_at, last_seen_at)
					values (?, ?, ?, ?, ?, ?, 'CHECKING', ?, now(), now(), now(), now())
					""")
				.params(id, kind.name(), kind == ImportKind.CUSTOMERS && plaintextPasswords, owner, uploader.name(),
						fileName(originalName), claim.token())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Busy();
		}
		claims.put(id, claim);
		try {
			var size = store(id, first, content);
			jdbc.sql("update importing_job set file_size = ?, file_complete = true where id = ?")
				.params(size, id)
				.update();
		}
		catch (IOException | RuntimeException ex) {
			claims.remove(id);
			jdbc.sql("delete from importing_job where id = ?").param(id).update();
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
		runner().execute(() -> run(id, claim, uploader, false));
		var job = awaitCheck(id);
		if (job.status() == ImportJobStatus.REFUSED) {
			jdbc.sql("delete from importing_job where id = ? and status = 'REFUSED'").param(id).update();
		}
		return job;
	}

	/** The job, if it exists and is the staff member's own; it counts as looked at. */
	public Optional<ImportJob> find(UUID id, UUID owner) {
		return jdbc.sql("update importing_job set last_seen_at = now() where id = ? and owner_id = ? returning *")
			.params(id, owner)
			.query(this::job)
			.optional();
	}

	/**
	 * Starts importing a checked file on this node; asking again once it runs or ran does
	 * nothing. Empty when the job is not the staff member's.
	 * @param actor who the audit trail names
	 * @throws Busy when another file is being checked or imported
	 */
	public Optional<ImportJob> startImport(UUID id, UUID owner, AuditActor actor) {
		var claim = Claim.next();
		int started;
		try {
			started = jdbc.sql("""
					update importing_job
					set status = 'IMPORTING', claim_token = ?, heartbeat_at = now(), started_at = now(),
					    rows_done = 0, bytes_done = 0, last_seen_at = now()
					where id = ? and owner_id = ? and status = 'CHECKED'
					""").params(claim.token(), id, owner).update();
		}
		catch (DuplicateKeyException ex) {
			throw new Busy();
		}
		if (started == 1) {
			claims.put(id, claim);
			runner().execute(() -> run(id, claim, actor, false));
		}
		return find(id, owner);
	}

	/**
	 * Runs an interrupted job again on this node, from where it was: a dry run from the
	 * start, an import from its first batch not committed. The resumed import is on the
	 * audit trail like a started one. Asking for a job that is not interrupted does
	 * nothing. Empty when the job is not the staff member's.
	 * @throws Busy when another file is being checked or imported
	 */
	public Optional<ImportJob> resume(UUID id, UUID owner, AuditActor actor) {
		var claim = Claim.next();
		int resumed;
		try {
			resumed = jdbc.sql("""
					update importing_job
					set status = interrupted_stage, interrupted_stage = null, claim_token = ?, heartbeat_at = now(),
					    attempts = attempts + 1, rows_done = 0, bytes_done = 0, finished_at = null,
					    last_seen_at = now()
					where id = ? and owner_id = ? and status = 'INTERRUPTED'
					""").params(claim.token(), id, owner).update();
		}
		catch (DuplicateKeyException ex) {
			throw new Busy();
		}
		if (resumed == 1) {
			claims.put(id, claim);
			runner().execute(() -> run(id, claim, actor, true));
		}
		return find(id, owner);
	}

	/**
	 * Every failed row of the dry run or of the import (CSV: line, column, reason; at
	 * most {@link #MAX_LISTED_ERRORS}), if there were any and the job is the staff
	 * member's.
	 */
	public Optional<String> failedRows(UUID id, UUID owner, boolean ofTheImport) {
		var job = find(id, owner);
		var report = job.map(found -> ofTheImport ? found.result() : found.check()).orElse(null);
		if (report == null || report.failed() == 0) {
			return Optional.empty();
		}
		var out = new StringWriter();
		var csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
		csv.writeRecord("line", "column", "reason");
		jdbc.sql("""
				select line, column_name, reason from importing_job_error
				where job_id = ? and dry_run = ? order by line, column_name
				""").params(id, !ofTheImport).query(row -> {
			csv.writeRecord(String.valueOf(row.getLong("line")),
					SpreadsheetCells.neutralised(row.getString("column_name")),
					SpreadsheetCells.neutralised(row.getString("reason")));
		});
		try {
			csv.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Optional.of(out.toString());
	}

	/** Whether a file is being checked or imported, on any node. */
	public boolean busy() {
		return jdbc.sql("select exists (select 1 from importing_job where status in " + RUNNING + ")")
			.query(Boolean.class)
			.single();
	}

	/**
	 * Marks every running job whose node fell silent for
	 * {@link ImportJobSettings#staleAfter()} as interrupted (or failed, when its upload
	 * never completed, and then deletes its file); returns how many. Any node may run it
	 * at any time: a job is marked once.
	 */
	public int markInterrupted() {
		var marked = jdbc.sql("""
				update importing_job j
				set status = case when j.file_complete then 'INTERRUPTED' else 'FAILED' end,
				    interrupted_stage = case when j.file_complete then j.status end,
				    claim_token = null, heartbeat_at = null, finished_at = now(), last_seen_at = now()
				where j.id in (
				    select id from importing_job
				    where status in ('CHECKING', 'IMPORTING') and heartbeat_at < now() - make_interval(secs => ?)
				    for no key update skip locked)
				returning j.id, j.status
				""")
			.param(settings.staleAfter().toMillis() / 1000.0)
			.query((row, n) -> Map.entry(row.getObject("id", UUID.class), row.getString("status")))
			.list();
		for (var job : marked) {
			if ("FAILED".equals(job.getValue())) {
				jdbc.sql("delete from importing_job_file where job_id = ?").param(job.getKey()).update();
			}
			log.warn("Import job {} lost its node; it is {}", job.getKey(), job.getValue());
		}
		return marked.size();
	}

	/**
	 * Deletes the jobs at rest nobody looked at for {@link ImportJobSettings#kept()},
	 * with their files, reports and failed rows; returns how many. Rows another node
	 * deletes at the same time are skipped.
	 */
	public int purgeExpired() {
		var purged = 0;
		while (true) {
			var deleted = jdbc
				.sql("""
						delete from importing_job where id in (
						    select id from importing_job
						    where status not in ('CHECKING', 'IMPORTING') and last_seen_at < now() - make_interval(secs => ?)
						    limit 20 for update skip locked)
						""")
				.param(settings.kept().toMillis() / 1000.0)
				.update();
			purged += deleted;
			if (deleted < 20) {
				return purged;
			}
		}
	}

	private long store(UUID id, byte[] first, InputStream content) throws IOException {
		long size = 0;
		var chunk = first;
		for (var number = 0; chunk.length > 0; number++) {
			jdbc.sql("insert into importing_job_file (job_id, chunk, bytes) values (?, ?, ?)")
				.params(id, number, chunk)
				.update();
			size += chunk.length;
			chunk = content.readNBytes(CHUNK);
		}
		return size;
	}

	private ImportJob awaitCheck(UUID id) {
		var deadline = Instant.now().plus(WAIT_FOR_CHECK);
		while (true) {
			var job = jdbc.sql("select * from importing_job where id = ?").param(id).query(this::job).single();
			if (job.status() != ImportJobStatus.CHECKING || Instant.now().isAfter(deadline)) {
				return job;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return job;
			}
		}
	}

	private record Stored(ImportKind kind, boolean plaintextPasswords, String fileName, long fileSize,
			ImportJobStatus status) {
	}

	private void run(UUID id, Claim claim, AuditActor actor, boolean resumed) {
		try {
			var stored = jdbc
				.sql("select kind, plaintext_passwords, file_name, file_size, status from importing_job"
						+ " where id = ? and claim_token = ?")
				.params(id, claim.token())
				.query((row, n) -> new Stored(ImportKind.valueOf(row.getString("kind")),
						row.getBoolean("plaintext_passwords"), row.getString("file_name"), row.getLong("file_size"),
						ImportJobStatus.valueOf(row.getString("status"))))
				.optional();
			if (stored.isEmpty() || !stored.get().status().running()) {
				return;
			}
			run(id, claim, actor, resumed, stored.get());
		}
		catch (RuntimeException ex) {
			log.error("Import job {} could not be run", id, ex);
		}
		finally {
			claims.remove(id, claim);
		}
	}

	private void run(UUID id, Claim claim, AuditActor actor, boolean resumed, Stored job) {
		var dryRun = job.status() == ImportJobStatus.CHECKING;
		var listener = new JobListener(id, claim, dryRun);
		var checkpoints = new JobCheckpoints(id, claim, resumed);
		try {
			var options = new ImportOptions(dryRun, job.plaintextPasswords(), null, job.fileName());
			ImportRun.Input input = columns -> CsvSource.open(new StoredFile(id, job.fileSize()), job.fileSize(),
					columns);
			var report = switch (job.kind()) {
				case CUSTOMERS ->
					customerImport.importCustomers(input, job.fileName(), options, listener, actor, checkpoints);
				case ADDRESSES ->
					addressImport.importAddresses(input, job.fileName(), options, listener, actor, checkpoints);
				case GROUPS -> groupImport.importGroups(input, job.fileName(), options, listener, actor, checkpoints);
			};
			listener.flush();
			end(id, claim, dryRun ? ImportJobStatus.CHECKED : ImportJobStatus.IMPORTED, report, null, dryRun);
		}
		catch (ClaimLost lost) {
			log.warn("Import job {} was taken from this node; it stopped", id);
		}
		catch (ImportRefused refused) {
			// the file was checked; an import gets here only if the code reading it
			// changed
			listener.flush();
			end(id, claim, ImportJobStatus.REFUSED, null, readable(refused.getMessage()), dryRun);
		}
		catch (RuntimeException ex) {
			if (stopping || claim.lost().get()) {
				interrupted(id, claim);
			}
			else {
				log.error("The {} of import job {} ({} file) failed", dryRun ? "dry run" : "import", id,
						job.kind().value(), ex);
				end(id, claim, ImportJobStatus.FAILED, null, null, dryRun);
			}
		}
	}

	// The file may hold clear passwords: it is gone, in the same transaction, before
	// anyone is told the run ended; a checked file stays for its import.
	private void end(UUID id, Claim claim, ImportJobStatus status, @Nullable ImportReport report,
			@Nullable String refusal, boolean dryRun) {
		var stored = report == null ? null : json.writeValueAsString(StoredReport.of(report));
		transaction.executeWithoutResult(tx -> {
			var ended = jdbc.sql("""
					update importing_job
					set status = :status, refusal = :refusal, claim_token = null, heartbeat_at = null,
					    finished_at = now(), last_seen_at = now(), bytes_done = file_size,
					    rows_done = coalesce(:rows, rows_done),
					    check_report = case when :dryRun then cast(:report as jsonb) else check_report end,
					    import_report = case when :dryRun then import_report else cast(:report as jsonb) end
					where id = :id and claim_token = :token
					""")
				.param("status", status.name())
				.param("refusal", refusal, java.sql.Types.VARCHAR)
				.param("rows", report == null ? null : report.rows(), java.sql.Types.BIGINT)
				.param("dryRun", dryRun)
				.param("report", stored, java.sql.Types.VARCHAR)
				.param("id", id)
				.param("token", claim.token())
				.update();
			if (ended == 1 && status != ImportJobStatus.CHECKED) {
				jdbc.sql("delete from importing_job_file where job_id = ?").param(id).update();
				jdbc.sql("delete from importing_job_batch where job_id = ?").param(id).update();
			}
		});
	}

	// This node is shutting down: the run can be resumed at once, without waiting for
	// the heartbeat to go stale.
	private void interrupted(UUID id, Claim claim) {
		jdbc.sql("""
				update importing_job
				set interrupted_stage = status, status = 'INTERRUPTED', claim_token = null, heartbeat_at = null,
				    finished_at = now(), last_seen_at = now()
				where id = ? and claim_token = ? and status in ('CHECKING', 'IMPORTING')
				""").params(id, claim.token()).update();
	}

	private void heartbeat() {
		for (var entry : claims.entrySet()) {
			var claim = entry.getValue();
			var alive = jdbc.sql("""
					update importing_job set heartbeat_at = now()
					where id = ? and claim_token = ? and status in ('CHECKING', 'IMPORTING')
					""").params(entry.getKey(), claim.token()).update();
			if (alive == 0) {
				claim.lost().set(true);
			}
		}
	}

	/**
	 * Reports the progress (at most every {@link ImportJobSettings#progressEvery()}),
	 * lists failed rows.
	 */
	private final class JobListener implements ImportListener {

		private final UUID id;

		private final Claim claim;

		private final boolean dryRun;

		private final List<RowError> pending = new ArrayList<>();

		private long listed;

		private long lastWritten;

		JobListener(UUID id, Claim claim, boolean dryRun) {
			this.id = id;
			this.claim = claim;
			this.dryRun = dryRun;
		}

		@Override
		public void progress(long bytesRead, long totalBytes, long rows) {
			var now = System.nanoTime();
			if (now - lastWritten < settings.progressEvery().toNanos() && bytesRead < totalBytes) {
				return;
			}
			lastWritten = now;
			flush();
			var updated = jdbc.sql("""
					update importing_job set rows_done = ?, bytes_done = ?
					where id = ? and claim_token = ?
					""").params(rows, bytesRead, id, claim.token()).update();
			if (updated == 0) {
				claim.lost().set(true);
			}
		}

		// A resumed run lists the same rows in the same order again: those listed before
		// stay once.
		@Override
		public void failed(RowError error) {
			if (listed >= MAX_LISTED_ERRORS) {
				return;
			}
			listed++;
			pending.add(error);
			if (pending.size() >= 1_000) {
				flush();
			}
		}

		void flush() {
			if (pending.isEmpty()) {
				return;
			}
			var size = pending.size();
			var lines = new String[size];
			var columns = new String[size];
			var reasons = new String[size];
			for (var i = 0; i < size; i++) {
				var error = pending.get(i);
				lines[i] = String.valueOf(error.line());
				columns[i] = error.column().length() > 40 ? error.column().substring(0, 40) : error.column();
				reasons[i] = error.reason();
			}
			jdbc.sql("""
					insert into importing_job_error (job_id, dry_run, line, column_name, reason)
					select ?, ?, e.line::bigint, e.column_name, e.reason
					from unnest(?::text[], ?::text[], ?::text[]) as e(line, column_name, reason)
					on conflict do nothing
					""").params(id, dryRun, lines, columns, reasons).update();
			pending.clear();
		}

	}

	/** The batches an import committed, kept with them; the claim this run holds. */
	private final class JobCheckpoints implements ImportRun.Checkpoints {

		private final UUID id;

		private final Claim claim;

		private final boolean resumed;

		JobCheckpoints(UUID id, Claim claim, boolean resumed) {
			this.id = id;
			this.claim = claim;
			this.resumed = resumed;
		}

		// Asked before each batch and every few thousand rows: a node taken for dead
		// stops
		// before its next batch, not at its next heartbeat.
		@Override
		public void ensureOwned() {
			if (claim.lost().get() || !jdbc.sql("""
					select exists (select 1 from importing_job
					    where id = ? and claim_token = ? and status in ('CHECKING', 'IMPORTING'))
					""").params(id, claim.token()).query(Boolean.class).single()) {
				claim.lost().set(true);
				throw new ClaimLost();
			}
		}

		@Override
		public boolean resumed() {
			return resumed;
		}

		@Override
		public ImportRun.@Nullable Written committed(int batch, long firstLine, long lastLine) {
			return jdbc.sql("select * from importing_job_batch where job_id = ? and batch = ?")
				.params(id, batch)
				.query((row, n) -> {
					if (row.getLong("first_line") != firstLine || row.getLong("last_line") != lastLine) {
						// the rows were read differently before the interruption (another
						// version of the application): counting them again would be wrong
						throw new IllegalStateException("Batch " + batch + " of import job " + id
								+ " held other lines before the interruption");
					}
					return new ImportRun.Written(row.getLong("created"), row.getLong("updated"),
							row.getLong("unchanged"), json.readValue(row.getString("rejected"), ROW_ERRORS));
				})
				.optional()
				.orElse(null);
		}

		// The batch's record is taken before anything of it is written: an attempt of a
		// node taken for dead that still writes the same batch holds it until it ends,
		// and this one then takes that attempt's record instead of writing the rows
		// twice.
		@Override
		public void beginning(int batch, long firstLine, long lastLine) {
			var taken = jdbc.sql("""
					insert into importing_job_batch
					    (job_id, batch, first_line, last_line, created, updated, unchanged, rejected)
					values (?, ?, ?, ?, 0, 0, 0, '[]'::jsonb)
					on conflict do nothing
					""").params(id, batch, firstLine, lastLine).update();
			if (taken == 0) {
				throw new ImportRun.AlreadyCommitted();
			}
		}

		@Override
		public void committing(int batch, ImportRun.Written written) {
			jdbc.sql("""
					update importing_job_batch set created = ?, updated = ?, unchanged = ?, rejected = cast(? as jsonb)
					where job_id = ? and batch = ?
					""")
				.params(written.created(), written.updated(), written.unchanged(),
						json.writeValueAsString(written.rejected()), id, batch)
				.update();
		}

	}

	/** The uploaded file, read chunk by chunk from the database. */
	private final class StoredFile extends InputStream {

		private final UUID id;

		private final long size;

		private byte[] chunk = new byte[0];

		private int position;

		private int next;

		private long read;

		StoredFile(UUID id, long size) {
			this.id = id;
			this.size = size;
		}

		@Override
		public int read() throws IOException {
			if (!fill()) {
				return -1;
			}
			return chunk[position++] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			var n = Math.min(length, chunk.length - position);
			System.arraycopy(chunk, position, buffer, offset, n);
			position += n;
			return n;
		}

		private boolean fill() throws IOException {
			while (position >= chunk.length) {
				if (read >= size) {
					return false;
				}
				var number = next++;
				var bytes = jdbc.sql("select bytes from importing_job_file where job_id = ? and chunk = ?")
					.params(id, number)
					.query((row, n) -> row.getBytes(1))
					.optional();
				if (bytes.isEmpty()) {
					throw new IOException("part " + number + " of the uploaded file is gone");
				}
				chunk = bytes.get();
				position = 0;
				read += chunk.length;
			}
			return true;
		}

	}

	private ImportJob job(ResultSet row, int rowNumber) throws SQLException {
		var interrupted = row.getString("interrupted_stage");
		return new ImportJob(row.getObject("id", UUID.class), ImportKind.valueOf(row.getString("kind")),
				row.getString("file_name"), row.getBoolean("plaintext_passwords"),
				ImportJobStatus.valueOf(row.getString("status")),
				interrupted == null ? null : ImportJobStatus.valueOf(interrupted), row.getLong("rows_done"),
				row.getLong("bytes_done"), row.getLong("file_size"), report(row.getString("check_report")),
				report(row.getString("import_report")), row.getString("refusal"), row.getInt("attempts"));
	}

	private @Nullable ImportReport report(@Nullable String stored) {
		return stored == null ? null : json.readValue(stored, StoredReport.class).report();
	}

	private static String readable(@Nullable String message) {
		var text = message == null ? "" : message;
		return text.length() > MAX_REFUSAL ? text.substring(0, MAX_REFUSAL) + "…" : text;
	}

	private static String fileName(@Nullable String original) {
		if (original == null || original.isBlank()) {
			return DEFAULT_NAME;
		}
		var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		name = name.replaceAll("\\p{Cntrl}", "");
		if (name.isEmpty()) {
			return DEFAULT_NAME;
		}
		return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
	}

	// A NUL byte near the start means a workbook, an archive or an image, not CSV text;
	// UTF-16 (which has them too) is left to the importer, which explains it.
	private static boolean binary(byte[] head) {
		if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
				|| (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
			return false;
		}
		for (var i = 0; i < Math.min(head.length, SNIFFED_BYTES); i++) {
			if (head[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private synchronized ExecutorService runner() {
		if (runner == null) {
			runner = Executors.newCachedThreadPool(Thread.ofPlatform().name("import-job-", 1).factory());
		}
		return runner;
	}

	@Override
	public synchronized void start() {
		stopping = false;
		ticker = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-job-ticker").daemon(true).factory());
		ticker.scheduleWithFixedDelay(() -> quietly("heartbeat", this::heartbeat), settings.heartbeat().toMillis(),
				settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
		ticker.scheduleWithFixedDelay(() -> quietly("sweep", () -> {
			markInterrupted();
			purgeExpired();
		}), settings.sweepEvery().toMillis(), settings.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
	}

	private static void quietly(String what, Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			if (io.clientele.shared.DatabaseOutage.isCauseOf(ex)) {
				// logged once per outage by the platform; the next tick tries again
				log.debug("The import jobs' {} waits for PostgreSQL", what);
				return;
			}
			log.warn("The import jobs' {} failed", what, ex);
		}
	}

	@Override
	public synchronized void stop() {
		stopping = true;
		if (ticker != null) {
			ticker.shutdownNow();
			ticker = null;
		}
		if (runner != null) {
			// a run under way stops after its current batches and is marked interrupted,
			// to be resumed on any node
			runner.shutdownNow();
			try {
				runner.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			runner = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return ticker != null;
	}

}
