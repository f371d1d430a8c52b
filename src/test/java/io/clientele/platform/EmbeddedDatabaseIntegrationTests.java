package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.clientele.ClienteleApplication;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.EmailAddress;
import io.clientele.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The application as `./mvnw spring-boot:run` starts it, outside the test suite's shared
 * database.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTests {

	static final RegisterCustomer ANN = RegisterCustomer.fromStorefront("Ms", "Ann", "Lee", "ann@example.com", "en_US");

	@Test
	void dataInTheEmbeddedDatabaseSurvivesARestartAndPostgresStopsWithTheApplication(@TempDir Path dataDir,
			CapturedOutput output) throws Exception {
		int postgresPort;
		try (var first = start("--clientele.data-dir=" + dataDir)) {
			first.getBean(SignUp.class).register(ANN, "blue-kettle-harbour-7");
			var pickup = dataDir.resolve("mail-pickup");
			var deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
			while (mailsIn(pickup).isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			var mails = mailsIn(pickup);
			assertThat(mails).as("without spring.mail.host the confirmation mail is a file of the pickup directory")
				.hasSize(1);
			assertThat(Files.readString(mails.getFirst())).contains("To: ann@example.com")
				.contains("/register/confirm?token=")
				.as("the link as it is, not quoted-printable, so a person can copy or grep it")
				.containsPattern("/register/confirm\\?token=(?!3D)[A-Za-z0-9_-]{43}[\\s\"<]");
			assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pickup)))
				.isEqualTo("rwx------");
			assertThat(java.nio.file.attribute.PosixFilePermissions
				.toString(Files.getPosixFilePermissions(mails.getFirst()))).isEqualTo("rw-------");
			postgresPort = first.getBean(EmbeddedDatabase.class).port();
			assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
			assertThat(output.getOut()).containsOnlyOnce("Password (shown only this once)");
		}
		assertThat(portIsOpen(postgresPort)).as("PostgreSQL stopped with the application").isFalse();

		try (var second = start("--clientele.data-dir=" + dataDir)) {
			var customers = second.getBean(CustomerManagement.class);

			assertThat(customers.findByEmail(EmailAddress.of("ann@example.com"))).isPresent();
			assertThat(customers.findByEmail(EmailAddress.of("sonia.wagner@example.com")))
				.as("demo data of the first start")
				.isPresent();
			assertThat(output.getOut()).as("the generated admin password is printed on the first start only")
				.containsOnlyOnce("Password (shown only this once)");
		}
	}

	/** The pickup directory's mails to Ann. */
	private static java.util.List<Path> mailsIn(Path directory) throws java.io.IOException {
		if (!Files.isDirectory(directory)) {
			return java.util.List.of();
		}
		try (var files = Files.list(directory)) {
			return files.filter(file -> file.toString().endsWith(".eml")).filter(file -> {
				try {
					return Files.readString(file).contains("To: ann@example.com");
				}
				catch (java.io.IOException stillBeingWritten) {
					return false;
				}
			}).toList();
		}
	}

	@Test
	void anEmptyDatabaseGetsTwentyDemoCustomersUnlessTurnedOff(@TempDir Path withDemo, @TempDir Path withoutDemo) {
		try (var demo = start("--clientele.data-dir=" + withDemo)) {
			var customers = demo.getBean(CustomerManagement.class);

			assertThat(customers.findByReference(io.clientele.shared.CustomerReference.of("DE--1"))).isPresent();
			assertThat(customers.findByReference(io.clientele.shared.CustomerReference.of("DE--20"))).isPresent();
			assertThat(customers.findByReference(io.clientele.shared.CustomerReference.of("DE--21"))).isEmpty();
		}
		try (var plain = start("--clientele.data-dir=" + withoutDemo, "--clientele.demo-data=false")) {
			assertThat(plain.getBean(CustomerManagement.class).anyExist()).isFalse();
		}
	}

	@Test
	void aSecondClienteleOnTheSameDataDirectoryIsRefusedWithAClearMessage(@TempDir Path dataDir) {
		try (var first = start("--clientele.data-dir=" + dataDir, "--clientele.demo-data=false")) {
			assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> start("--clientele.data-dir=" + dataDir, "--clientele.demo-data=false"))
				.havingRootCause()
				.isInstanceOf(ConfigurationProblem.class)
				.withMessageContaining("Another Clientele is running with its data in");
			assertThat(first.getBean(CustomerManagement.class).anyExist()).as("the first one still works").isFalse();
		}
	}

	@Test
	void withADatasourceUrlTheApplicationUsesThatDatabaseAndStartsNoEmbeddedOne(@TempDir Path dataDir)
			throws Exception {
		try (var external = TestDatabase.start()) {
			var url = external.getJdbcUrl("postgres", "postgres");

			try (var app = start("--clientele.data-dir=" + dataDir, "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres",
					"--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY, "--clientele.demo-data=false")) {
				app.getBean(SignUp.class).register(ANN, "blue-kettle-harbour-7");

				assertThat(app.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
				assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
			}
			try (var connection = DriverManager.getConnection(url);
					var rows = connection.createStatement()
						.executeQuery("select customer_reference from customer where email = 'ann@example.com'")) {
				assertThat(rows.next()).as("the customer was written to the configured database").isTrue();
				assertThat(rows.getString(1)).isEqualTo("DE--1");
			}
		}
	}

	@Test
	void aShopsExternalDatabaseNeverGetsDemoCustomersWithTheirPublishedPasswordUnlessAskedFor(@TempDir Path dataDir)
			throws Exception {
		try (var external = TestDatabase.start()) {
			var url = external.getJdbcUrl("postgres", "postgres");

			try (var app = start("--clientele.data-dir=" + dataDir, "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres",
					"--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY)) {
				assertThat(app.getBean(CustomerManagement.class).anyExist())
					.as("demo-data not set: no demo customers on an external database")
					.isFalse();
			}
			try (var app = start("--clientele.data-dir=" + dataDir, "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres",
					"--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY, "--clientele.demo-data=true")) {
				assertThat(
						app.getBean(CustomerManagement.class).findByEmail(EmailAddress.of("sonia.wagner@example.com")))
					.as("set explicitly")
					.isPresent();
			}
		}
	}

	@Test
	void anotherLocalUserCannotConnectToTheEmbeddedDatabaseWithoutItsOwnerOnlyPassword(@TempDir Path dataDir)
			throws Exception {
		try (var app = start("--clientele.data-dir=" + dataDir, "--clientele.demo-data=false")) {
			var port = app.getBean(EmbeddedDatabase.class).port();
			var passwordFile = dataDir.resolve("postgres.password");

			assertThat(
					java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			assertRefusedWithoutPassword(port);
			assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
			try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/clientele",
					"postgres", Files.readString(passwordFile))) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}
	}

	@Test
	void aDataDirectoryOfAnOlderClienteleWithoutPasswordKeepsItsDataAndGetsAPassword(@TempDir Path dataDir)
			throws Exception {
		try (var old = start("--clientele.data-dir=" + dataDir, "--clientele.demo-data=false")) {
			old.getBean(SignUp.class).register(ANN, "blue-kettle-harbour-7");
		}
		// as an older Clientele left it: trust for every local connection, no password
		Files.writeString(dataDir.resolve("postgres/pg_hba.conf"),
				"local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
		try (var trusting = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start(); var connection = trusting.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("alter role postgres password null");
		}
		Files.delete(dataDir.resolve("postgres.password"));

		try (var upgraded = start("--clientele.data-dir=" + dataDir, "--clientele.demo-data=false")) {
			assertThat(upgraded.getBean(CustomerManagement.class).findByEmail(EmailAddress.of("ann@example.com")))
				.isPresent();
			assertThat(Files.exists(dataDir.resolve("postgres.password"))).isTrue();
			assertRefusedWithoutPassword(upgraded.getBean(EmbeddedDatabase.class).port());
		}
	}

	private static void assertRefusedWithoutPassword(int port) {
		for (var password : new String[] { null, "" }) {
			assertThatExceptionOfType(java.sql.SQLException.class).isThrownBy(() -> DriverManager
				.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/clientele", "postgres", password)
				.close());
		}
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		var all = new java.util.ArrayList<>(java.util.List.of("--server.port=0"));
		all.addAll(java.util.List.of(arguments));
		return new SpringApplicationBuilder(ClienteleApplication.class).run(all.toArray(String[]::new));
	}

	private static boolean portIsOpen(int port) {
		try (var socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

}
