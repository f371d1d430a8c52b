package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

import io.clientele.audit.AuditTrail;
import io.clientele.importing.CustomerImport;
import io.clientele.importing.ImportOptions;
import io.clientele.importing.ImportReport;
import io.clientele.support.MutableClock;

/**
 * The back office's import jobs: who sees them, one at a time, and how long files stay.
 */
class BackofficeImportsTests {

	static final Duration KEPT = Duration.ofHours(1);

	@TempDir
	Path dataDir;

	MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	CustomerImport customerImport = mock(CustomerImport.class);

	UUID staff = UUID.randomUUID();

	BackofficeImports imports;

	@BeforeEach
	void startImports() {
		when(customerImport.importCustomers(any(), any(), any()))
			.thenAnswer(call -> report(call.getArgument(1, ImportOptions.class)));
		imports = new BackofficeImports(customerImport, mock(AuditTrail.class), clock,
				new BackofficeSettings(Duration.ofMinutes(30), KEPT), dataDir);
	}

	@AfterEach
	void stopImports() {
		imports.stop();
	}

	@Test
	void theUploadIsDeletedOnceImportedAndTheReportsOnceNobodyLookedForTheKeptTime() {
		var job = checked(imports.upload(staff, "customers.csv", csv(), false));
		var directory = dataDir.resolve("backoffice-imports").resolve(job.id());
		assertThat(directory.resolve(BackofficeImports.UPLOAD)).exists();

		imports.startImport(job, "admin@clientele.local", null);
		waitUntil(() -> job.stage() == BackofficeImports.Stage.IMPORTED);

		assertThat(directory.resolve(BackofficeImports.UPLOAD)).as("it may hold clear passwords").doesNotExist();
		assertThat(directory).exists();
		clock.advance(KEPT.minusMinutes(1));
		imports.removeExpired();
		assertThat(imports.find(job.id(), staff)).as("looked at again").isPresent();
		clock.advance(KEPT.minusMinutes(1));
		imports.removeExpired();
		assertThat(directory).exists();
		clock.advance(Duration.ofMinutes(2));
		imports.removeExpired();
		assertThat(directory).doesNotExist();
		assertThat(imports.find(job.id(), staff)).isEmpty();
	}

	@Test
	void aCheckedFileThatIsNeverImportedGoesAfterTheKeptTime() {
		var job = checked(imports.upload(staff, "customers.csv", csv(), true));
		var directory = dataDir.resolve("backoffice-imports").resolve(job.id());

		clock.advance(KEPT.plusSeconds(1));
		imports.removeExpired();

		assertThat(directory).doesNotExist();
	}

	@Test
	void aJobIsFoundOnlyByTheStaffMemberWhoUploadedIt() {
		var job = checked(imports.upload(staff, "customers.csv", csv(), false));

		assertThat(imports.find(job.id(), staff)).containsSame(job);
		assertThat(imports.find(job.id(), UUID.randomUUID())).isEmpty();
		assertThat(imports.find(UUID.randomUUID().toString(), staff)).isEmpty();
	}

	@Test
	void aSecondFileWaitsUntilTheFirstIsChecked() throws InterruptedException {
		var release = new CountDownLatch(1);
		doAnswer(call -> {
			release.await(10, TimeUnit.SECONDS);
			return report(call.getArgument(1, ImportOptions.class));
		}).when(customerImport).importCustomers(any(), any(), any());
		var first = imports.upload(staff, "first.csv", csv(), false);

		assertThatExceptionOfType(BackofficeImports.Busy.class)
			.isThrownBy(() -> imports.upload(UUID.randomUUID(), "second.csv", csv(), false));
		assertThat(dataDir.resolve("backoffice-imports")).isDirectoryNotContaining(path -> !path.endsWith(first.id()));
		release.countDown();
		checked(first);
		assertThat(imports.upload(staff, "second.csv", csv(), false)).isNotNull();
	}

	@Test
	void aBinaryFileIsRefusedBeforeItIsCheckedAndNothingOfItStays() {
		var workbook = new MockMultipartFile("file", "customers.xlsx", "application/octet-stream",
				new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 });

		assertThatExceptionOfType(BackofficeImports.NotText.class)
			.isThrownBy(() -> imports.upload(staff, "customers.xlsx", workbook, false));
		assertThat(dataDir.resolve("backoffice-imports")).isEmptyDirectory();
	}

	@Test
	void theFileNameIsShownWithoutThePathTheBrowserSent() {
		var job = checked(imports.upload(staff, "C:\\Users\\ann\\customers.csv", csv(), false));

		assertThat(job.fileName()).isEqualTo("customers.csv");
	}

	private BackofficeImports.Job checked(BackofficeImports.Job job) {
		imports.awaitCheck(job, Duration.ofSeconds(10));
		assertThat(job.stage()).isEqualTo(BackofficeImports.Stage.CHECKED);
		return job;
	}

	private static MockMultipartFile csv() {
		return new MockMultipartFile("file", "customers.csv", "text/csv",
				"customer_reference,email\n,ann@example.com\n".getBytes(StandardCharsets.UTF_8));
	}

	private static ImportReport report(ImportOptions options) {
		return new ImportReport(1, 1, 0, 0, 0, options.dryRun(), true, List.of(), null, Duration.ofMillis(5));
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
