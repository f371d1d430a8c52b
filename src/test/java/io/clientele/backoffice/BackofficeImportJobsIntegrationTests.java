package io.clientele.backoffice;

import static io.clientele.backoffice.BackofficeImportIntegrationTests.HEADER;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.IMPORT;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.bytes;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.counts;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.finished;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.importing.ImportJobs;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The back office's import jobs live in PostgreSQL, not in a node: any node shows any
 * job, a job whose node died is interrupted and resumed with every row imported once, one
 * job runs at a time in the whole installation, and expired jobs go with their files.
 * "Another node" is played through the database, as a second process would be seen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeImportJobsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportJobs imports;

	@Autowired
	javax.sql.DataSource dataSource;

	// the jobs "other nodes" run in a test end with it, so that the next upload is free
	@AfterEach
	void noJobOfAnotherNodeKeepsRunning() {
		jdbc.sql("delete from importing_job where uploaded_by = 'other-node@clientele.example'").update();
	}

	@Test
	void aJobsProgressAndReportAreReadFromTheDatabaseSoAnyNodeShowsThemAndTheImportedFileIsGone() {
		var email = Shoppers.uniqueEmail();
		var csv = HEADER + "\n,en_US,,%s,Ms,Ida,Import,,,,,\n,en_US,,broken,Ms,Bad,Row,,,,,\n".formatted(email);
		var browser = admin();
		browser.get(IMPORT);
		var job = browser.upload(IMPORT, Map.of(), "nodes.csv", bytes(csv)).location().orElseThrow();
		finished(browser, job);
		var id = UUID.fromString(job.substring(job.lastIndexOf('/') + 1));

		assertThat(jdbc.sql("select status from importing_job where id = ?").param(id).query(String.class).single())
			.isEqualTo("CHECKED");
		assertThat(fileChunks(id)).as("the upload is kept in PostgreSQL").isEqualTo(1);

		// another node runs the import and writes its progress: this node's page shows it
		jdbc.sql("""
				update importing_job set status = 'IMPORTING', claim_token = ?, heartbeat_at = now(),
				    rows_done = 1, bytes_done = file_size / 2
				where id = ?
				""").params(UUID.randomUUID(), id).update();
		var running = Jsoup.parse(browser.get(job).body());
		var progress = browser.get(job + "/progress").body();

		assertThat(running.select("#progress-panel")).hasSize(1);
		assertThat(running.select("#progress").attr("value")).isEqualTo("50");
		assertThat(progress).contains("\"stage\":\"IMPORTING\"").contains("\"finished\":false").contains("\"rows\":1");

		// that node ends the run: this node shows its report
		jdbc.sql("""
				update importing_job set status = 'IMPORTED', claim_token = null, heartbeat_at = null,
				    import_report = check_report || '{"dryRun": false}'::jsonb
				where id = ?
				""").param(id).update();
		var done = Jsoup.parse(browser.get(job).body());

		assertThat(done.select("#summary h2").text()).isEqualTo("Import finished");
		assertThat(counts(done)).containsEntry("rows", "2").containsEntry("created", "1").containsEntry("failed", "1");

		// and a real import through this node: its file is deleted once imported
		var second = browser
			.upload(IMPORT, Map.of(), "again.csv", bytes(HEADER + "\n,en_US,,%s,Ms,Ida,Import,,,,,\n".formatted(email)))
			.location()
			.orElseThrow();
		finished(browser, second);
		browser.post(second, Map.of());
		var imported = Jsoup.parse(finished(browser, second).body());
		var secondId = UUID.fromString(second.substring(second.lastIndexOf('/') + 1));

		assertThat(counts(imported)).containsEntry("rows", "1").containsEntry("created", "1");
		assertThat(fileChunks(secondId)).as("an imported file is deleted at once").isZero();
	}

	@Test
	void aJobWhoseNodeFellSilentIsInterruptedAndResumingImportsEveryRowExactlyOnceWithAnHonestReport()
			throws java.sql.SQLException {
		var rows = 12_000; // three batches
		var prefix = "resume-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		var csv = new StringBuilder(HEADER).append('\n');
		for (var i = 0; i < rows; i++) {
			csv.append(",en_US,,").append(prefix).append(i).append("@example.com,Ms,Ida,Import,,,,,\n");
		}
		csv.append(",en_US,,not-an-address,Mr,Bad,Row,,,,,\n");
		var browser = admin();
		browser.get(IMPORT);
		var job = browser.upload(IMPORT, Map.of(), "big.csv", bytes(csv.toString())).location().orElseThrow();
		finished(browser, job);
		var id = UUID.fromString(job.substring(job.lastIndexOf('/') + 1));
		int marked;
		org.jsoup.nodes.Document interrupted;
		long committedBefore;
		String interruptedProgress;
		WebClient.Page resumed;

		// the last batch is held back by a transaction that took its record first, so the
		// run is still writing when its node is taken for dead
		try (var lastBatch = dataSource.getConnection()) {
			lastBatch.setAutoCommit(false);
			try (var take = lastBatch.prepareStatement("""
					insert into importing_job_batch
					    (job_id, batch, first_line, last_line, created, updated, unchanged, rejected)
					values (?, 2, 0, 0, 0, 0, 0, '[]'::jsonb)
					""")) {
				take.setObject(1, id);
				take.executeUpdate();
			}
			browser.post(job, Map.of());
			awaitCommittedBatches(id, 2);
			// the node "dies": its claim and heartbeat are what a dead node leaves
			// behind,
			// while its last batch is still in flight
			jdbc.sql("update importing_job set claim_token = ?, heartbeat_at = now() - interval '1 hour' where id = ?")
				.params(UUID.randomUUID(), id)
				.update();
			marked = imports.markInterrupted();
			interrupted = Jsoup.parse(browser.get(job).body());
			committedBefore = batches(id);
			interruptedProgress = browser.get(job + "/progress").body();
			resumed = browser.post(job + "/resume", Map.of());
			// the resumed run now waits for the last batch too; let both go at once
			lastBatch.rollback();
		}

		assertThat(marked).isEqualTo(1);
		assertThat(interrupted.select("#interrupted")).hasSize(1);
		assertThat(interrupted.select("#interrupted").attr("data-interrupted-stage")).isEqualTo("IMPORTING");
		assertThat(interrupted.select("#resume-import").text()).isEqualTo("Resume the import");
		assertThat(interruptedProgress).contains("\"stage\":\"INTERRUPTED\"").contains("\"finished\":true");
		assertThat(committedBefore).as("batches committed before the node died").isEqualTo(2);
		var done = Jsoup.parse(finished(browser, resumed.location().orElseThrow()).body());

		assertThat(done.select("#summary h2").text()).isEqualTo("Import finished");
		assertThat(done.select("#resumed")).hasSize(1);
		assertThat(counts(done)).as("the rows of before and after the interruption, each once")
			.containsEntry("rows", "12,001")
			.containsEntry("created", "12,000")
			.containsEntry("unchanged", "0")
			.containsEntry("failed", "1");
		assertThat(jdbc.sql("select count(*) from customer where email like ?")
			.param(prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(rows);
		assertThat(jdbc.sql("select count(distinct email) from customer where email like ?")
			.param(prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(rows);
		assertThat(jdbc.sql("select count(*) from notification_outbox where recipient like ?")
			.param(prefix + "%")
			.query(Long.class)
			.single()).as("an import sends no mail, resumed or not").isZero();
		assertThat(browser.get(job + "/errors.csv").body().lines().toList()).hasSize(2);
		assertThat(jdbc
			.sql("select detail from audit_entry where type = 'CUSTOMERS_IMPORTED' and actor = ?"
					+ " order by id desc limit 3")
			.param(adminEmail)
			.query(String.class)
			.list()).containsExactly("big.csv: 12001 rows, 12000 created, 0 updated, 0 unchanged, 1 failed",
					"big.csv: resumed", "big.csv: started");
		assertThat(fileChunks(id)).isZero();
	}

	@Test
	void anUploadStartOrResumeWhileAnotherNodeRunsAJobIsRefusedAsBusy() {
		var browser = admin();
		browser.get(IMPORT);
		var checked = browser
			.upload(IMPORT, Map.of(), "waiting.csv",
					bytes(HEADER + "\n,en_US,,%s,Ms,Ida,Import,,,,,\n".formatted(Shoppers.uniqueEmail())))
			.location()
			.orElseThrow();
		finished(browser, checked);
		otherNodeRuns();

		var form = browser.get(IMPORT);
		var upload = browser.upload(IMPORT, Map.of(), "second.csv",
				bytes(HEADER + "\n,en_US,,%s,Ms,Ida,Import,,,,,\n".formatted(Shoppers.uniqueEmail())));
		browser.get(checked);
		var start = browser.post(checked, Map.of());
		var page = Jsoup.parse(browser.get(start.location().orElseThrow()).body());

		assertThat(form.body()).contains("id=\"busy\"");
		assertThat(upload.status()).isEqualTo(409);
		assertThat(upload.body()).contains("Another import is being checked or running.");
		assertThat(page.select("#message").text()).startsWith("Another import is being checked or running.");
		assertThat(page.select("#dry-run")).as("the job is still waiting to be imported").hasSize(1);
	}

	@Test
	void twoNodesStartingImportsAtTheSameMomentStartOneAndRefuseTheOtherAtomically() throws Exception {
		var owner = BackofficeLogins.newAdmin(staff);
		var contenders = 4;
		var ids = new UUID[contenders];
		for (var i = 0; i < contenders; i++) {
			var csv = new StringBuilder(HEADER).append('\n');
			for (var row = 0; row < 2_000; row++) {
				csv.append(",en_US,,").append(Shoppers.uniqueEmail()).append(",Ms,Ida,Import,,,,,\n");
			}
			var job = imports.upload(owner.id(), io.clientele.audit.AuditActor.staff(owner.email().value(), null),
					"race-" + i + ".csv", new java.io.ByteArrayInputStream(bytes(csv.toString())),
					io.clientele.importing.ImportKind.CUSTOMERS, false);
			ids[i] = job.id();
			awaitStatus(job.id(), "CHECKED");
		}
		var ready = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(contenders);
		var outcomes = new java.util.ArrayList<java.util.concurrent.Future<String>>();
		for (var id : ids) {
			outcomes.add(pool.submit(() -> {
				ready.await();
				try {
					imports.startImport(id, owner.id(),
							io.clientele.audit.AuditActor.staff(owner.email().value(), null));
					return "started";
				}
				catch (ImportJobs.Busy busy) {
					return "busy";
				}
			}));
		}

		ready.countDown();
		var results = new java.util.ArrayList<String>();
		for (var outcome : outcomes) {
			results.add(outcome.get());
		}
		pool.shutdown();

		assertThat(results).containsOnly("started", "busy");
		assertThat(results).filteredOn("started"::equals).hasSize(1);
		assertThat(jdbc.sql("select count(*) from importing_job where status = 'IMPORTING' and id = any(?)")
			.param(ids)
			.query(Long.class)
			.single()).isLessThanOrEqualTo(1);
		for (var id : ids) {
			awaitRest(id);
		}
		assertThat(jdbc.sql("select count(*) from importing_job where status = 'IMPORTED' and id = any(?)")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void thePurgeDeletesJobsNobodyLookedAtForTheKeptPeriodWithTheirFilesAndKeepsRecentOnes() {
		var browser = admin();
		browser.get(IMPORT);
		var old = upload(browser, "old.csv");
		var recent = upload(browser, "recent.csv");
		assertThat(fileChunks(old)).isEqualTo(1);
		jdbc.sql("update importing_job set last_seen_at = now() - interval '2 hours' where id = ?").param(old).update();

		var purged = imports.purgeExpired();

		assertThat(purged).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from importing_job where id = ?").param(old).query(Long.class).single())
			.isZero();
		assertThat(fileChunks(old)).as("the file went with its job").isZero();
		assertThat(jdbc.sql("select count(*) from importing_job_error where job_id = ?")
			.param(old)
			.query(Long.class)
			.single()).isZero();
		assertThat(browser.get(IMPORT + "/" + old).status()).isEqualTo(404);
		assertThat(fileChunks(recent)).isEqualTo(1);
		assertThat(browser.get(IMPORT + "/" + recent).status()).isEqualTo(200);
	}

	@Test
	void aRunningJobWithAFreshHeartbeatIsNotTakenForInterrupted() {
		var id = otherNodeRuns();

		imports.markInterrupted();

		assertThat(jdbc.sql("select status from importing_job where id = ?").param(id).query(String.class).single())
			.isEqualTo("CHECKING");
	}

	private UUID upload(WebClient browser, String name) {
		var job = browser.upload(IMPORT, Map.of(), name, bytes(HEADER + "\n,en_US,,broken,Ms,Bad,Row,,,,,\n"))
			.location()
			.orElseThrow();
		finished(browser, job);
		return UUID.fromString(job.substring(job.lastIndexOf('/') + 1));
	}

	// A dry run another node is running, alive.
	private UUID otherNodeRuns() {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into importing_job (id, kind, plaintext_passwords, owner_id, uploaded_by, file_name,
				    file_complete, status, claim_token, heartbeat_at, created_at, started_at, last_seen_at)
				values (?, 'CUSTOMERS', false, ?, 'other-node@clientele.example', 'elsewhere.csv', true,
				    'CHECKING', ?, now(), now(), now(), now())
				""").params(id, UUID.randomUUID(), UUID.randomUUID()).update();
		return id;
	}

	private long fileChunks(UUID id) {
		return jdbc.sql("select count(*) from importing_job_file where job_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private long batches(UUID id) {
		return jdbc.sql("select count(*) from importing_job_batch where job_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private void awaitCommittedBatches(UUID id, long count) {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (batches(id) < count) {
			assertThat(Instant.now()).as("the import commits its first batch in time").isBefore(deadline);
			pause(10);
		}
	}

	private void awaitStatus(UUID id, String status) {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!status
			.equals(jdbc.sql("select status from importing_job where id = ?").param(id).query(String.class).single())) {
			assertThat(Instant.now()).as("the job gets to " + status).isBefore(deadline);
			pause(50);
		}
	}

	private void awaitRest(UUID id) {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (jdbc.sql("select status in ('CHECKING', 'IMPORTING') from importing_job where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()) {
			assertThat(Instant.now()).as("the job ends in time").isBefore(deadline);
			pause(50);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// the address of the test's admin, who acts in the audit trail
	String adminEmail;

	WebClient admin() {
		adminEmail = BackofficeLogins.newAdmin(staff).email().value();
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, adminEmail, BackofficeLogins.PASSWORD);
		return browser;
	}

}
