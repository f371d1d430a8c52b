package io.clientele.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.audit.AuditActor;
import io.clientele.ClienteleApplication;
import io.clientele.credentials.PasswordResets;
import io.clientele.credentials.SignUp;
import io.clientele.credentials.TokenCheck;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.notification.MailQueue;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.TestDatabase;
import io.clientele.support.TestMailServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code customer:password:set} and {@code customer:password:reset} with Spryker's
 * semantics, run in the console's own context on a database of their own: both commands
 * act on every customer in the database, which the suite's shared database would make
 * unpredictable. Before each test every customer of earlier tests is anonymised, so each
 * test sees only its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordMailCommandsIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("/password/restore\\?token=([A-Za-z0-9_-]{43})");

	static EmbeddedPostgres database;

	static ConfigurableApplicationContext console;

	static CustomerManagement customers;

	static SignUp signUp;

	static PasswordResets passwordResets;

	static MailQueue mailQueue;

	static JdbcClient jdbc;

	Instant started;

	@BeforeAll
	static void startTheConsoleOnADatabaseOfItsOwn() throws IOException {
		database = TestDatabase.start();
		// the console profile as the jar runs it; an SMTP server is there, so that a mail
		// sent by mistake would arrive
		console = new SpringApplicationBuilder(ClienteleApplication.class).profiles("console")
			.run(settings().toArray(String[]::new));
		customers = console.getBean(CustomerManagement.class);
		signUp = console.getBean(SignUp.class);
		passwordResets = console.getBean(PasswordResets.class);
		mailQueue = console.getBean(MailQueue.class);
		jdbc = console.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() throws IOException {
		if (console != null) {
			console.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@BeforeEach
	void onlyThisTestsCustomersAreOpen() {
		jdbc.sql("update customer set anonymized_at = now() where anonymized_at is null").update();
		started = Instant.now();
	}

	@Test
	void passwordSetMailsEveryOpenCustomerWithoutAPasswordOnceAndNobodyElse() {
		var withoutPassword = customerWithoutPassword();
		var blocked = customers.block(customerWithoutPassword().id(), true, AuditActor.console());
		var withPassword = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var anonymised = customerWithoutPassword();
		customers.anonymize(anonymised.id());

		var result = run("", "customer:password:set", "--force");

		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("2 out of 2 emails sent");
		assertThat(mailsSince("LOGIN_CREATED", withoutPassword)).isEqualTo(1);
		assertThat(mailsSince("LOGIN_CREATED", blocked)).as("Spryker knows no blocking: blocked customers too")
			.isEqualTo(1);
		assertThat(mailsSince("LOGIN_CREATED", withPassword)).isZero();
		assertThat(mailsSince("LOGIN_CREATED", anonymised)).isZero();
		assertThat(mailsSince("PASSWORD_RESET", withoutPassword)).isZero();
		assertThat(auditedSince("LOGIN_LINK_SENT", withoutPassword)).as("one audit entry per customer mailed")
			.containsExactly("console");
		assertThat(auditedSince("LOGIN_LINK_SENT", withPassword)).isEmpty();
	}

	@Test
	void passwordSetWithNoTokenLeavesOutCustomersHoldingAWorkingLink() {
		var pending = customerWithoutPassword();
		passwordResets.sendResetLink(pending.id(), AuditActor.console());
		var expired = customerWithoutPassword();
		passwordResets.sendResetLink(expired.id(), AuditActor.console());
		jdbc.sql("update credentials_token set expires_at = now() - interval '1 minute' where customer_id = ?")
			.param(expired.id().value())
			.update();
		var none = customerWithoutPassword();

		var result = run("", "customer:password:set", "--force", "--no-token");

		assertThat(result.output()).contains("2 out of 2 emails sent");
		assertThat(mailsSince("LOGIN_CREATED", pending)).isZero();
		assertThat(mailsSince("LOGIN_CREATED", expired)).isEqualTo(1);
		assertThat(mailsSince("LOGIN_CREATED", none)).isEqualTo(1);
	}

	@Test
	void theSetPasswordLinkWorksForItsCustomerFor72HoursAndVoidsEarlierLinks() {
		var customer = customerWithoutPassword();
		passwordResets.sendResetLink(customer.id(), AuditActor.console());
		var earlier = tokenIn(linkOf("PASSWORD_RESET", customer));

		run("", "customer:password:set", "--force");

		var mail = mailOf("LOGIN_CREATED", customer);
		var token = tokenIn(linkOf("LOGIN_CREATED", customer));
		assertThat(passwordResets.check(token)).isEqualTo(new TokenCheck.Valid(customer.id()));
		assertThat(passwordResets.check(earlier)).isInstanceOf(TokenCheck.Unknown.class);
		assertThat(mail.subject()).as("in the customer's language")
			.isEqualTo("Ihr Kundenkonto ist bereit: Wählen Sie Ihr Passwort");
		assertThat(mail.textBody()).contains("Hallo Lena Fischer").contains("Der Link ist 72 Stunden gültig.");
		assertThat(validityOfTheNewestLink(customer)).isEqualTo(Duration.ofHours(72));
	}

	@Test
	void passwordResetMailsEveryOpenCustomerOnceWithAWorkingResetLink() {
		var withPassword = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var withoutPassword = customerWithoutPassword();
		var blocked = customers.block(customerWithoutPassword().id(), true, AuditActor.console());
		var anonymised = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		customers.anonymize(anonymised.id());

		var result = run("", "customer:password:reset", "--force");

		assertThat(result.output()).contains("3 out of 3 emails sent");
		for (var customer : List.of(withPassword, withoutPassword, blocked)) {
			assertThat(mailsSince("PASSWORD_RESET", customer)).isEqualTo(1);
			assertThat(passwordResets.check(tokenIn(linkOf("PASSWORD_RESET", customer))))
				.isEqualTo(new TokenCheck.Valid(customer.id()));
		}
		assertThat(mailsSince("PASSWORD_RESET", anonymised)).isZero();
		assertThat(validityOfTheNewestLink(withPassword)).as("the forgotten-password link's validity")
			.isEqualTo(Duration.ofMinutes(60));
	}

	@Test
	void passwordResetWithNoTokenLeavesOutCustomersHoldingAWorkingLink() {
		var pending = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		passwordResets.sendResetLink(pending.id(), AuditActor.console());
		var used = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		passwordResets.sendResetLink(used.id(), AuditActor.console());
		jdbc.sql("update credentials_token set used_at = now() where customer_id = ?")
			.param(used.id().value())
			.update();
		var none = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());

		var result = run("", "customer:password:reset", "--force", "--no-token");

		assertThat(result.output()).contains("2 out of 2 emails sent");
		assertThat(mailsSince("PASSWORD_RESET", pending)).as("only the mail of its own request").isEqualTo(1);
		assertThat(mailsSince("PASSWORD_RESET", used)).isEqualTo(2);
		assertThat(mailsSince("PASSWORD_RESET", none)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "n\n", "no\n", "\n", "" })
	void withoutForceAnyAnswerButYesSendsNothing(String answer) {
		var customer = customerWithoutPassword();

		var result = run(answer, "customer:password:set");

		assertThat(result.exitCode()).isZero();
		assertThat(result.output())
			.contains("1 customers in the database will be affected. Do you want to continue? [Y/n]")
			.contains("Nothing sent.");
		assertThat(mailsSince("LOGIN_CREATED", customer)).isZero();
		assertThat(tokensOf(customer)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "y\n", "yes\n", "Y\n" })
	void withoutForceAYesSendsAndTellsHowMany(String answer) {
		customerWithoutPassword();
		customerWithoutPassword();

		var result = run(answer, "customer:password:reset");

		assertThat(result.output())
			.contains("2 customers in the database will be affected. Do you want to continue? [Y/n]")
			.contains("2 out of 2 emails sent");
	}

	@Test
	void withNobodyToMailNothingIsAskedOrSent() {
		Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());

		var result = run("", "customer:password:set");

		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("No customer is affected. Nothing sent.").doesNotContain("continue?");
	}

	@Test
	void theConsoleOnlyQueuesTheMailsAWebInstanceSendsThem() throws InterruptedException {
		var customer = customerWithoutPassword();

		run("", "customer:password:set", "--force");
		Thread.sleep(1000);

		assertThat(jdbc
			.sql("select status || ' ' || attempts from notification_outbox where customer_id = ? and created_at >= ?")
			.params(customer.id().value(), Timestamp.from(started))
			.query(String.class)
			.list()).containsExactly("QUEUED 0");
		assertThat(TestMailServer.mailsTo(customer.email().value())).isEmpty();
	}

	@Test
	void theCommandsRunAsTheJarRunsThemAndAcceptSprykersStoreOption(CapturedOutput output) {
		var customer = customerWithoutPassword();
		var arguments = new ArrayList<>(settings());
		arguments.addAll(0, List.of("customer:password:set", "--force", "--store=DE"));

		var exitCode = ClienteleApplication.runCommand(arguments.toArray(String[]::new));

		assertThat(exitCode).isZero();
		assertThat(output.getOut()).contains("1 out of 1 emails sent");
		assertThat(mailsSince("LOGIN_CREATED", customer)).isEqualTo(1);
	}

	@Test
	void anUnknownOptionIsAUsageError() {
		var result = run("", "customer:password:reset", "--everyone");

		assertThat(result.exitCode()).isEqualTo(ConsoleRunner.USAGE);
		assertThat(result.errors()).contains("Unknown option: '--everyone'");
	}

	private static List<String> settings() {
		try {
			return List.of("--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres",
					"--clientele.encryption-key=" + TestDatabase.ENCRYPTION_KEY,
					"--clientele.data-dir=" + Files.createTempDirectory("clientele-console"),
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	record Result(int exitCode, String output, String errors) {
	}

	/** Runs a command in the console's context, with the answer as standard input. */
	private static Result run(String input, String... arguments) {
		var out = new StringWriter();
		var err = new StringWriter();
		InputStream standardInput = System.in;
		System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
		try {
			var exitCode = console.getBean(ConsoleRunner.class)
				.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
				.execute(arguments);
			return new Result(exitCode, out.toString(), err.toString());
		}
		finally {
			System.setIn(standardInput);
		}
	}

	private static CustomerDetails customerWithoutPassword() {
		return customers.register(new RegisterCustomer("Ms", "Lena", "Fischer", Shoppers.uniqueEmail(), null, null,
				null, null, "de_DE", true));
	}

	private long mailsSince(String type, CustomerDetails customer) {
		return jdbc
			.sql("select count(*) from notification_outbox where customer_id = ? and mail_type = ? and created_at >= ?")
			.params(customer.id().value(), type, Timestamp.from(started))
			.query(Long.class)
			.single();
	}

	private List<String> auditedSince(String type, CustomerDetails customer) {
		return jdbc.sql("select actor from audit_entry where customer_id = ? and type = ? and occurred_at >= ?")
			.params(customer.id().value(), type, Timestamp.from(started))
			.query(String.class)
			.list();
	}

	private MailQueue.QueuedMail mailOf(String type, CustomerDetails customer) {
		var id = jdbc
			.sql("select id from notification_outbox where customer_id = ? and mail_type = ?"
					+ " order by created_at desc limit 1")
			.params(customer.id().value(), type)
			.query(java.util.UUID.class)
			.single();
		return mailQueue.find(id).orElseThrow();
	}

	/**
	 * The link of the customer's newest mail of the type, as the dispatcher will render
	 * it (the back office's queue shows it hidden).
	 */
	private static String linkOf(String type, CustomerDetails customer) {
		return jdbc
			.sql("select variables ->> 'link' from notification_outbox where customer_id = ? and mail_type = ?"
					+ " order by created_at desc limit 1")
			.params(customer.id().value(), type)
			.query(String.class)
			.single();
	}

	private static long tokensOf(CustomerDetails customer) {
		return jdbc.sql("select count(*) from credentials_token where customer_id = ?")
			.param(customer.id().value())
			.query(Long.class)
			.single();
	}

	private static Duration validityOfTheNewestLink(CustomerDetails customer) {
		return Duration.ofSeconds(jdbc
			.sql("select extract(epoch from expires_at - created_at)::bigint from credentials_token"
					+ " where customer_id = ? order by created_at desc limit 1")
			.param(customer.id().value())
			.query(Long.class)
			.single());
	}

	private static String tokenIn(String body) {
		var matcher = TOKEN.matcher(body);
		assertThat(matcher.find()).as("a reset link in the mail").isTrue();
		return matcher.group(1);
	}

}
