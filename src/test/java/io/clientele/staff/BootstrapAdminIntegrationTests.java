package io.clientele.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

import io.clientele.ClienteleApplication;
import io.clientele.credentials.LoginAttempt;
import io.clientele.credentials.StaffCredentials;
import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.EmailAddress;
import io.clientele.support.TestDatabase;

/**
 * The test suite configures clientele.bootstrap-admin.password (see
 * TestDatabaseContextCustomizerFactory).
 */
@SpringBootTest
class BootstrapAdminIntegrationTests {

	@Autowired
	StaffAccounts staff;

	@Autowired
	StaffLogin login;

	@Autowired
	StaffCredentials credentials;

	@Autowired
	BootstrapAdmin bootstrapAdmin;

	@Test
	void anEmptyStaffTableGetsAnAdminWithTheConfiguredPassword() {
		var admin = staff.findByEmail(EmailAddress.of("admin@clientele.local")).orElseThrow();

		assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
		assertThat(login.attempt("admin@clientele.local", "Harbour-Kettle-Test-41", LoginAttempt.unknownClient()))
			.isInstanceOf(io.clientele.authentication.LoginOutcome.Succeeded.class);
		assertThat(login.attempt("admin@clientele.local", "Harbour-Kettle-Test-42", LoginAttempt.unknownClient()))
			.isInstanceOf(io.clientele.authentication.LoginOutcome.Failed.class);
	}

	@Test
	void everyGeneratedAdminPasswordMeetsThePolicySoTheFirstStartNeverFailsOnIt() {
		var email = EmailAddress.of("admin@clientele.local");

		// without drawing again, about one in a few hundred random passwords breaks the
		// policy (three equal characters in a row); 2,000 draws would meet several
		for (int i = 0; i < 2_000; i++) {
			var password = bootstrapAdmin.generatePassword(email);

			assertThat(credentials.problemsWith(password, email.value(), "Administrator")).as(password).isEmpty();
		}
	}

	@Test
	void nodesStartingTogetherOnAnEmptyDatabaseCreateExactlyOneFirstAdmin(@TempDir Path dataDir) throws Exception {
		try (var database = TestDatabase.start();
				var node = new SpringApplicationBuilder(ClienteleApplication.class).run("--server.port=0",
						"--clientele.data-dir=" + dataDir,
						"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres",
						"--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY, "--clientele.demo-data=false");
				var starts = java.util.concurrent.Executors.newFixedThreadPool(8)) {
			// the empty database of a first start, met by eight nodes at once
			node.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("truncate staff_account cascade")
				.update();
			var accounts = node.getBean(StaffAccounts.class);
			var ready = new java.util.concurrent.CountDownLatch(1);
			var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
			for (int i = 0; i < 8; i++) {
				results.add(starts.submit(() -> {
					ready.await();
					return accounts
						.createFirstAdmin(EmailAddress.of("first-admin@clientele.local"), "Administrator",
								"Harbour-Kettle-Test-41")
						.isPresent();
				}));
			}
			ready.countDown();
			var created = 0;
			for (var result : results) {
				created += result.get() ? 1 : 0;
			}

			assertThat(created).isEqualTo(1);
			assertThat(accounts.all()).hasSize(1);
		}
	}

	@Test
	void aConfiguredAdminPasswordThatBreaksThePolicyStopsTheStartWithAReadableSentence(@TempDir Path dataDir) {
		try (var database = TestDatabase.start()) {
			assertThatExceptionOfType(ConfigurationProblem.class)
				.isThrownBy(() -> new SpringApplicationBuilder(ClienteleApplication.class)
					.run("--server.port=0", "--clientele.data-dir=" + dataDir,
							"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres",
							"--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY, "--clientele.demo-data=false",
							"--clientele.bootstrap-admin.password=Kettle-Admin-Harbour-7")
					.close())
				.withMessage("clientele.bootstrap-admin.password breaks the password policy: The password must not"
						+ " contain \"admin\" from your name or email address.");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aPolicyThatAllowsNoGeneratedPasswordStopsTheFirstStartWithASentenceInsteadOfHanging(@TempDir Path dataDir) {
		try (var database = TestDatabase.start()) {
			assertThatExceptionOfType(ConfigurationProblem.class)
				.isThrownBy(() -> new SpringApplicationBuilder(ClienteleApplication.class)
					.run("--server.port=0", "--clientele.data-dir=" + dataDir,
							"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres",
							"--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY, "--clientele.demo-data=false",
							"--clientele.bootstrap-admin.password=",
							"--clientele.credentials.password-policy.character-pattern=[0-9]+")
					.close())
				.withMessageContaining("refused 1000 generated passwords in a row");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
