package io.clientele.backoffice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.clientele.audit.AuditActor;
import io.clientele.importing.AddressImport;
import io.clientele.importing.CustomerImport;
import io.clientele.importing.GroupImport;
import io.clientele.importing.ImportListener;
import io.clientele.importing.ImportOptions;
import io.clientele.importing.ImportRefused;
import io.clientele.importing.ImportReport;

/**
 * The imports staff start in the back office: customers, their addresses or customer
 * groups, as the uploader says the file holds. The uploaded file is kept in a directory
 * of its own under {@code <data-dir>/backoffice-imports}, checked by a dry run, then
 * imported; both run in the background, one at a time on this instance. A job is known by
 * a random id and shown only to the staff member who uploaded it. The upload is deleted
 * once imported; everything else once nobody has looked at it for
 * {@link BackofficeSettings#importKept()}.
 */
@Component
class BackofficeImports implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BackofficeImports.class);

	static final String UPLOAD = "upload.csv";

	static final String CHECK_ERRORS = "check-errors.csv";

	static final String IMPORT_ERRORS = "import-errors.csv";

	/** How long an upload request waits for its dry run before showing the progress. */
	static final Duration WAIT_FOR_CHECK = Duration.ofSeconds(3);

	private static final int SNIFFED_BYTES = 8192;

	private static final int MAX_FILE_NAME = 120;

	private static final int MAX_REFUSAL = 1_000;

	/** What an uploaded file holds, and so which import reads it. */
	enum Kind {

		CUSTOMERS(CustomerImport.HEADER), ADDRESSES(AddressImport.HEADER), GROUPS(GroupImport.HEADER);

		private final List<String> header;

		Kind(List<String> header) {
			this.header = header;
		}

		/** The form's value: {@code customers}, {@code addresses}, {@code groups}. */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The first line a file of this kind must have. */
		public String header() {
			return String.join(",", header);
		}

		static Optional<Kind> of(String value) {
			return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst();
		}

	}

	enum Stage {

		CHECKING, CHECKED, REFUSED, IMPORTING, IMPORTED, FAILED;

		public boolean running() {
			return this == CHECKING || this == IMPORTING;
		}

	}

	/** How far a run got: bytes of the file read, data rows done. */
	record Progress(long bytesRead, long totalBytes, long rows) {

		static final Progress NONE = new Progress(0, 0, 0);

		public int percent() {
			return totalBytes <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / totalBytes);
		}

	}

	/** One uploaded file on its way from the dry run to the import. */
	static final class Job {

		private final String id;

		private final UUID owner;

		private final AuditActor uploader;

		private final String fileName;

		private final Kind kind;

		private final boolean plaintextPasswords;

		private final Path directory;

		private final CountDownLatch checkEnded = new CountDownLatch(1);

		private volatile Stage stage = Stage.CHECKING;

		private volatile Progress progress = Progress.NONE;

		private volatile @Nullable ImportReport check;

		private volatile @Nullable ImportReport result;

		private volatile @Nullable String refusal;

		private volatile Instant lastSeen;

		Job(String id, UUID owner, AuditActor uploader, String fileName, Kind kind, boolean plaintextPasswords,
				Path directory, Instant now) {
			this.id = id;
			this.owner = owner;
			this.uploader = uploader;
			this.fileName = fileName;
			this.kind = kind;
			this.plaintextPasswords = plaintextPasswords;
			this.directory = directory;
			this.lastSeen = now;
		}

		public String id() {
			return id;
		}

		public String fileName() {
			return fileName;
		}

		public Kind kind() {
			return kind;
		}

		public boolean plaintextPasswords() {
			return plaintextPasswords;
		}

		public Stage stage() {
			return stage;
		}

		public Progress progress() {
			return progress;
		}

		/** The dry run's report, once it is done. */
		public @Nullable ImportReport check() {
			return check;
		}

		/** The import's report, once it is done. */
		public @Nullable ImportReport result() {
			return result;
		}

		/** Why the file was refused, in English (the importer's words). */
		public @Nullable String refusal() {
			return refusal;
		}

		/** The rows the import would write: every row but the failed ones. */
		public long importableRows() {
			var report = check;
			return report == null ? 0 : report.rows() - report.failed();
		}

		Path upload() {
			return directory.resolve(UPLOAD);
		}

		ImportListener listener() {
			return new ImportListener() {
				@Override
				public void progress(long bytesRead, long totalBytes, long rows) {
					Job.this.progress = new Progress(bytesRead, totalBytes, rows);
				}
			};
		}

	}

	/** Another file is being checked or imported on this instance. */
	static final class Busy extends RuntimeException {

		Busy() {
			super("Another import is running", null, false, false);
		}

	}

	/** The upload holds binary data: a workbook, an archive, an image; no CSV text. */
	static final class NotText extends RuntimeException {

		NotText() {
			super("Not a text file", null, false, false);
		}

	}

	private final CustomerImport customerImport;

	private final AddressImport addressImport;

	private final GroupImport groupImport;

	private final Clock clock;

	private final Duration kept;

	private final Path root;

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private @Nullable ExecutorService runner;

	private @Nullable ScheduledExecutorService sweeper;

	BackofficeImports(CustomerImport customerImport, AddressImport addressImport, GroupImport groupImport, Clock clock,
			BackofficeSettings settings, @Value("${clientele.data-dir:./data}") Path dataDir) {
		this.customerImport = customerImport;
		this.addressImport = addressImport;
		this.groupImport = groupImport;
		this.clock = clock;
		this.kept = settings.importKept();
		this.root = dataDir.resolve("backoffice-imports").toAbsolutePath().normalize();
	}

	/**
	 * Keeps the uploaded file and starts its dry run.
	 * @param plaintextPasswords whether a customer file's password column holds clear
	 * passwords
	 * @throws Busy when another file is being checked or imported
	 * @throws NotText when the file holds binary data
	 */
	Job upload(UUID staff, AuditActor uploader, @Nullable String originalName, MultipartFile file, Kind kind,
			boolean plaintextPasswords) {
		if (busy()) {
			throw new Busy();
		}
		var id = UUID.randomUUID().toString();
		var directory = root.resolve(id);
		try {
			Files.createDirectories(directory);
			file.transferTo(directory.resolve(UPLOAD));
			if (binary(directory.resolve(UPLOAD))) {
				delete(directory);
				throw new NotText();
			}
		}
		catch (IOException ex) {
			delete(directory);
			throw new UncheckedIOException(ex);
		}
		var job = new Job(id, staff, uploader, fileName(originalName), kind,
				kind == Kind.CUSTOMERS && plaintextPasswords, directory, clock.instant());
		synchronized (this) {
			if (busy()) {
				delete(directory);
				throw new Busy();
			}
			jobs.put(id, job);
		}
		runner().execute(() -> check(job));
		return job;
	}

	/** Waits a little for the dry run, so that a small file shows its report at once. */
	void awaitCheck(Job job, Duration atMost) {
		try {
			job.checkEnded.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The job, if it exists and is the staff member's own. */
	Optional<Job> find(String id, UUID staff) {
		var job = jobs.get(id);
		if (job == null || !job.owner.equals(staff)) {
			return Optional.empty();
		}
		job.lastSeen = clock.instant();
		return Optional.of(job);
	}

	/** Forgets a refused job at once: there is nothing to come back to. */
	void discard(Job job) {
		if (!job.stage.running() && jobs.remove(job.id, job)) {
			delete(job.directory);
		}
	}

	/**
	 * Starts importing a checked file; asking again once it runs or ran does nothing.
	 * @param actor who the audit trail names
	 * @throws Busy when another file is being checked or imported
	 */
	void startImport(Job job, AuditActor actor) {
		synchronized (this) {
			if (job.stage != Stage.CHECKED) {
				return;
			}
			if (busy()) {
				throw new Busy();
			}
			job.progress = Progress.NONE;
			job.stage = Stage.IMPORTING;
		}
		runner().execute(() -> runImport(job, actor));
	}

	/** Every failed row of the dry run or of the import, if there were any. */
	Optional<Path> errorReport(Job job, boolean ofTheImport) {
		var report = ofTheImport ? job.result : job.check;
		if (report == null || report.reportFile() == null || !Files.isRegularFile(report.reportFile())) {
			return Optional.empty();
		}
		return Optional.of(report.reportFile());
	}

	/** Whether a file is being checked or imported on this instance. */
	boolean busy() {
		return jobs.values().stream().anyMatch(job -> job.stage.running());
	}

	private void check(Job job) {
		var stage = Stage.FAILED;
		try {
			// a dry run writes nothing and is not on the audit trail
			job.check = importFile(job, true, CHECK_ERRORS, job.uploader);
			stage = Stage.CHECKED;
		}
		catch (ImportRefused refused) {
			job.refusal = readable(refused.getMessage(), job);
			stage = Stage.REFUSED;
		}
		catch (RuntimeException ex) {
			log.error("The dry run of an uploaded {} file failed", job.kind.value(), ex);
		}
		finally {
			if (stage != Stage.CHECKED) {
				deleteQuietly(job.upload());
			}
			job.stage = stage;
			job.checkEnded.countDown();
		}
	}

	private void runImport(Job job, AuditActor actor) {
		var stage = Stage.FAILED;
		try {
			job.result = importFile(job, false, IMPORT_ERRORS, actor);
			stage = Stage.IMPORTED;
		}
		catch (ImportRefused refused) {
			// the file was checked; only a change on disk between the two runs gets here
			job.refusal = readable(refused.getMessage(), job);
			stage = Stage.REFUSED;
		}
		catch (RuntimeException ex) {
			log.error("The import of an uploaded {} file failed", job.kind.value(), ex);
		}
		finally {
			// the file may hold clear passwords: it is gone before anyone is told the run
			// ended
			deleteQuietly(job.upload());
			job.lastSeen = clock.instant();
			job.stage = stage;
		}
	}

	private ImportReport importFile(Job job, boolean dryRun, String errors, AuditActor actor) {
		var options = new ImportOptions(dryRun, job.plaintextPasswords, job.directory.resolve(errors), job.fileName);
		return switch (job.kind) {
			case CUSTOMERS -> customerImport.importCustomers(job.upload(), options, job.listener(), actor);
			case ADDRESSES -> addressImport.importAddresses(job.upload(), options, job.listener(), actor);
			case GROUPS -> groupImport.importGroups(job.upload(), options, job.listener(), actor);
		};
	}

	// The importer names the file by its path on the server; staff know it by its name.
	private String readable(@Nullable String message, Job job) {
		var text = message == null ? "" : message.replace(job.upload().toString(), job.fileName);
		return text.length() > MAX_REFUSAL ? text.substring(0, MAX_REFUSAL) + "…" : text;
	}

	private static String fileName(@Nullable String original) {
		if (original == null || original.isBlank()) {
			return UPLOAD;
		}
		var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		name = name.replaceAll("\\p{Cntrl}", "");
		if (name.isEmpty()) {
			return UPLOAD;
		}
		return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
	}

	// A NUL byte near the start means a workbook, an archive or an image, not CSV text;
	// UTF-16 (which has them too) is left to the importer, which explains it.
	private static boolean binary(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(SNIFFED_BYTES);
		}
		if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
				|| (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
			return false;
		}
		for (var b : head) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	void removeExpired() {
		var before = clock.instant().minus(kept);
		for (var job : jobs.values()) {
			if (!job.stage.running() && job.lastSeen.isBefore(before) && jobs.remove(job.id, job)) {
				delete(job.directory);
			}
		}
		// what an earlier run of this instance (or another sharing the data directory)
		// left
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> directories = Files.list(root)) {
			for (var directory : directories.toList()) {
				if (!jobs.containsKey(directory.getFileName().toString())
						&& Files.getLastModifiedTime(directory).toInstant().isBefore(before)) {
					delete(directory);
				}
			}
		}
		catch (IOException ex) {
			log.warn("Cannot clean up {}: {}", root, ex.toString());
		}
	}

	private static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(BackofficeImports::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}: {}", directory, ex.toString());
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}: {}", path, ex.toString());
		}
	}

	private synchronized ExecutorService runner() {
		if (runner == null) {
			runner = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("backoffice-import").factory());
		}
		return runner;
	}

	@Override
	public synchronized void start() {
		sweeper = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("backoffice-import-cleanup").daemon(true).factory());
		sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
	}

	private void sweep() {
		try {
			removeExpired();
		}
		catch (RuntimeException ex) {
			log.warn("Cleaning up the back office's imports failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (sweeper != null) {
			sweeper.shutdownNow();
			sweeper = null;
		}
		if (runner != null) {
			// an import under way stops after its current batch; what was written stays
			runner.shutdownNow();
			runner = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return sweeper != null;
	}

}
