package io.clientele.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.clientele.support.BackofficeLogins;
import io.clientele.support.TestDatabase;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/**
 * A back-office import on node A, A killed with {@code kill -9} in the middle of it, and
 * the import resumed on node B: every row ends up imported exactly once, and B showed the
 * job's progress while A ran it. The staff member's session is the same on both nodes, as
 * behind a load balancer.
 */
@Tag("reliability")
class ImportKillNineReliabilityTests {

	private static final String IMPORT = "/backoffice/customers/import";

	private static final String HEADER = "customer_reference,locale_name,phone,email,salutation,first_name,last_name,"
			+ "company,gender,date_of_birth,password,registered";

	private static final int ROWS = 200_000;

	@Test
	void anImportWhoseNodeIsKilledIsResumedOnTheOtherNodeWithEveryRowExactlyOnce() throws Exception {
		try (var postgres = TestDatabase.start()) {
			var database = ClienteleNode.Database.on(postgres);
			// a lost node is noticed after 5 s instead of 30, so the test does not wait
			// long
			var fast = new String[] { "--clientele.importing.jobs.heartbeat=1s",
					"--clientele.importing.jobs.stale-after=5s", "--clientele.importing.jobs.sweep-every=1s" };
			try (var a = new ClienteleNode("import-a", database, TestMailServer.port(), fast);
					var b = new ClienteleNode("import-b", database, TestMailServer.port(), fast)) {
				ClienteleNode.startAll(a, b);
				var jdbc = JdbcClient
					.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
				var prefix = "killed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
				var csv = new StringBuilder(HEADER).append('\n');
				for (var i = 0; i < ROWS; i++) {
					csv.append(",en_US,,").append(prefix).append(i).append("@example.com,Ms,Ida,Import,,,,,\n");
				}

				// one browser, one session: its requests go to A or to B as a load
				// balancer sends them
				var browser = new WebClient(a.port());
				BackofficeLogins.signIn(browser, ClienteleNode.Secrets.ADMIN_EMAIL,
						ClienteleNode.Secrets.ADMIN_PASSWORD);
				browser.get(IMPORT);
				var job = java.net.URI
					.create(browser.upload(IMPORT, Map.of(), "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
						.location()
						.orElseThrow())
					.getPath();
				var id = UUID.fromString(job.substring(job.lastIndexOf('/') + 1));
				awaitProgress(browser, a.baseUrl() + job, "\"finished\":true", Duration.ofMinutes(3));
				browser.get(a.baseUrl() + job);
				browser.post(a.baseUrl() + job, Map.of());
				var batches = awaitCommittedBatches(jdbc, id, 1);
				var seenOnB = browser.get(b.baseUrl() + job + "/progress").body();

				a.kill();
				var killed = System.nanoTime();
				var committedWhenKilled = count(jdbc, "select count(*) from importing_job_batch where job_id = ?", id);
				var interrupted = awaitProgress(browser, b.baseUrl() + job, "\"stage\":\"INTERRUPTED\"",
						Duration.ofMinutes(1));
				var noticed = System.nanoTime();
				var page = Jsoup.parse(browser.get(b.baseUrl() + job).body());
				var resumed = browser.post(b.baseUrl() + job + "/resume", Map.of());
				awaitProgress(browser, b.baseUrl() + job, "\"stage\":\"IMPORTED\"", Duration.ofMinutes(3));
				var done = Jsoup.parse(browser.get(b.baseUrl() + job).body());
				System.out.printf(
						"Import kill -9: %d of %d batches committed at the kill; B showed it interrupted %d ms later;"
								+ " the resumed import took %d ms%n",
						committedWhenKilled, (ROWS + 4_999) / 5_000, (noticed - killed) / 1_000_000,
						(System.nanoTime() - noticed) / 1_000_000);

				assertThat(batches).as("batches committed before the kill").isPositive();
				assertThat(seenOnB).as("node B shows the progress of A's import")
					.contains("\"stage\":\"IMPORTING\"")
					.contains("\"finished\":false");
				assertThat(committedWhenKilled).as("the kill came in the middle").isLessThan(ROWS / 5_000 + 1);
				assertThat(interrupted).contains("\"finished\":true");
				assertThat(page.select("#resume-import").text()).isEqualTo("Resume the import");
				assertThat(resumed.status()).isEqualTo(302);
				assertThat(count(jdbc, "select count(*) from customer where email like ?", prefix + "%"))
					.as("every row once")
					.isEqualTo(ROWS);
				assertThat(count(jdbc, "select count(distinct email) from customer where email like ?", prefix + "%"))
					.isEqualTo(ROWS);
				assertThat(done.select("#resumed")).hasSize(1);
				assertThat(done.select("#count-created").text()).isEqualTo("200,000");
				assertThat(done.select("#count-rows").text()).isEqualTo("200,000");
				assertThat(count(jdbc, "select count(*) from importing_job_file where job_id = ?", id))
					.as("the imported file is deleted")
					.isZero();
			}
		}
	}

	private static String awaitProgress(WebClient browser, String job, String expected, Duration timeout) {
		var deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			var progress = browser.get(job + "/progress").body();
			if (progress.contains(expected)) {
				return progress;
			}
			assertThat(System.nanoTime()).as("the job's progress shows " + expected + "; last: " + progress)
				.isLessThan(deadline);
			ClienteleNode.sleep(200);
		}
	}

	private static long awaitCommittedBatches(JdbcClient jdbc, UUID id, long count) {
		var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			var committed = count(jdbc, "select count(*) from importing_job_batch where job_id = ?", id);
			if (committed >= count) {
				return committed;
			}
			assertThat(System.nanoTime()).as("the import commits a batch in time").isLessThan(deadline);
			ClienteleNode.sleep(20);
		}
	}

	private static long count(JdbcClient jdbc, String sql, Object parameter) {
		return jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

}
