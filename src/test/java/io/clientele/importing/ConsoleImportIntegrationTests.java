package io.clientele.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.ClienteleApplication;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.CustomerReference;
import io.clientele.support.TestDatabase;

/**
 * {@code java -jar clientele.jar customer:import FILE} as operators run it: exit codes
 * and output, beside a running server on the embedded database, and killed with kill -9.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleImportIntegrationTests {

	@TempDir
	Path dir;

	final String prefix = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	static String[] onTestDatabase(String... command) {
		var args = new String[command.length + 4];
		System.arraycopy(command, 0, args, 0, command.length);
		args[command.length] = "--spring.datasource.url=" + TestDatabase.jdbcUrl();
		args[command.length + 1] = "--spring.datasource.username=postgres";
		args[command.length + 2] = "--clientele.data-dir=" + TestDatabase.dataDirectory();
		args[command.length + 3] = "--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY;
		return args;
	}

	Path customers(int count, int badEvery) throws IOException {
		var file = dir.resolve("customer-" + count + ".csv");
		try (var out = Files.newBufferedWriter(file)) {
			out.write(CustomerImportIntegrationTests.HEADER + "\n");
			for (var n = 1; n <= count; n++) {
				var salutation = badEvery > 0 && n % badEvery == 0 ? "Sir" : "Ms";
				out.write(prefix + "--" + n + ",en_US,," + prefix.toLowerCase() + "." + n + "@example.com," + salutation
						+ ",Ann,Lee,,Female,,,2020-06-24\n");
			}
		}
		return file;
	}

	@Test
	void theExitCodeSaysWhetherEveryRowWasImportedAndTheSummaryLineSaysWhatHappened(CapturedOutput output)
			throws IOException {
		var good = customers(3, 0);
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import", good.toString()))).isZero();
		assertThat(output.getOut()).contains("3 rows: 3 customers created, 0 updated, 0 unchanged, 0 failed");

		var bad = dir.resolve("bad.csv");
		Files.writeString(bad,
				CustomerImportIntegrationTests.HEADER + "\n" + prefix + "--9,en_US,,x9@example.com,Sir,Ann,Lee,,,,,\n");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import", bad.toString()))).isOne();
		assertThat(output.getErr()).contains("line 2, salutation: \"Sir\" is not one of Mr, Mrs, Ms, Dr");
		assertThat(Files.readString(dir.resolve("bad.csv.errors.csv"))).contains("2,salutation,");

		var refused = dir.resolve("refused.csv");
		Files.writeString(refused, "email;first_name\nx@example.com;Ann\n");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import", refused.toString()))).isEqualTo(2);
		assertThat(output.getErr()).contains("Nothing imported: The header has a single column separated by ';'");
		assertThat(output.getAll()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void aConsoleImportIsAuditedAsConsole() throws IOException {
		var file = customers(2, 0);
		var named = Files.move(file, dir.resolve(prefix.toLowerCase() + ".csv"));
		var exported = dir.resolve(prefix.toLowerCase() + "-export.csv");

		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import", named.toString(), "--dry-run")))
			.isZero();
		assertThat(auditedAsConsole(named.getFileName() + ":%")).as("a dry run writes nothing and is not on record")
			.isEmpty();
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import", named.toString()))).isZero();
		var exportsBefore = auditedAsConsole("customer.csv with password hashes").size();
		assertThat(ClienteleApplication
			.runCommand(onTestDatabase("customer:export", exported.toString(), "--with-password-hashes"))).isZero();

		assertThat(auditedAsConsole(named.getFileName() + ":%")).containsExactly(
				"CUSTOMERS_IMPORTED " + named.getFileName() + ": started",
				"CUSTOMERS_IMPORTED " + named.getFileName() + ": 2 rows, 2 created, 0 updated, 0 unchanged, 0 failed");
		assertThat(auditedAsConsole("customer.csv with password hashes")).hasSize(exportsBefore + 1)
			.allSatisfy(entry -> assertThat(entry).startsWith("CUSTOMERS_EXPORTED"));
	}

	private java.util.List<String> auditedAsConsole(String detail) {
		var jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				TestDatabase.jdbcUrl(), "postgres", ""));
		return jdbc
			.sql("select type || ' ' || detail from audit_entry where actor = 'console' and customer_id is null"
					+ " and client_address is null and detail like ? order by id")
			.param(detail)
			.query(String.class)
			.list();
	}

	@Test
	void theConsoleUsesThePostgresOfAServerRunningOnTheSameDataDirectory(@TempDir Path dataDir) throws IOException {
		try (var server = new SpringApplicationBuilder(ClienteleApplication.class).run("--server.port=0",
				"--clientele.data-dir=" + dataDir, "--clientele.demo-data=false", "--spring.mail.host=",
				"--clientele.bootstrap-admin.password=Harbour-Kettle-Test-41")) {
			var file = customers(2, 0);

			var exit = ClienteleApplication.runCommand("customer:import", file.toString(),
					"--clientele.data-dir=" + dataDir);

			assertThat(exit).isZero();
			assertThat(server.getBean(CustomerManagement.class).findByReference(CustomerReference.of(prefix + "--2")))
				.as("the server sees what the console imported")
				.isPresent();
		}
	}

	@Test
	void anImportKilledWithKillNineFinishesOnARerunWithEveryRowExactlyOnce() throws Exception {
		var rows = 200_000;
		var file = customers(rows, 1000);
		var jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
				TestDatabase.jdbcUrl(), "postgres", ""));
		var javaCommand = ProcessHandle.current().info().command().orElse("java");
		var command = new java.util.ArrayList<>(
				java.util.List.of(javaCommand, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp",
						System.getProperty("java.class.path"), ClienteleApplication.class.getName()));
		command.addAll(java.util.List.of(onTestDatabase("customer:import", file.toString())));
		var process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("killed.log").toFile())
			.start();
		var deadline = Instant.now().plus(Duration.ofMinutes(2));
		long imported = 0;
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			imported = count(jdbc);
			if (imported > 0) {
				break;
			}
			Thread.sleep(20);
		}
		process.destroyForcibly().waitFor();
		var afterKill = count(jdbc);
		assertThat(afterKill).as("killed in the middle").isGreaterThan(0).isLessThan(rows - rows / 1000);
		assertThat(afterKill % ImportRun.BATCH_SIZE).as("whole batches only: no half-written batch").isZero();

		var exit = ClienteleApplication.runCommand(onTestDatabase("customer:import", file.toString()));

		assertThat(exit).as("the bad rows fail again").isOne();
		assertThat(count(jdbc)).isEqualTo(rows - rows / 1000);
		assertThat(jdbc.sql("select count(distinct lower(email)) from customer where customer_reference like ?")
			.param(prefix + "--%")
			.query(Long.class)
			.single()).isEqualTo(rows - rows / 1000);
	}

	private long count(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from customer where customer_reference like ?")
			.param(prefix + "--%")
			.query(Long.class)
			.single();
	}

}
