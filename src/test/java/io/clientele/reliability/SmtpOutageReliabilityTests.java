package io.clientele.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import io.clientele.support.BackofficeLogins;
import io.clientele.support.TestDatabase;
import io.clientele.support.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The SMTP server refuses every connection for two minutes while 500 mails are queued:
 * the mails wait in the outbox, the back office shows them queued with their failed
 * attempts, and once the server is back every mail arrives exactly once. The node's log
 * names mails by id, never by recipient.
 */
@Tag("reliability")
class SmtpOutageReliabilityTests {

	private static final int MAILS = 500;

	private static final String DOMAIN = "outage.example";

	private static final Duration OUTAGE = Duration.ofMinutes(2);

	@TempDir
	Path directory;

	EmbeddedPostgres postgres;

	GreenMail smtp;

	SlowSmtpProxy refusingSmtp;

	ClienteleNode node;

	@AfterEach
	void stop() throws IOException {
		if (node != null) {
			node.close();
		}
		if (refusingSmtp != null) {
			refusingSmtp.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void mailsQueuedDuringATwoMinuteOutageAllArriveOnceWhenTheServerIsBack() throws IOException {
		postgres = TestDatabase.start();
		var database = ClienteleNode.Database.on(postgres);
		smtp = MailLoad.smtpServer();
		refusingSmtp = new SlowSmtpProxy(smtp.getSmtp().getPort(), Duration.ZERO).accept();
		// The default backoff (30 s, doubling up to 1 h) would next try about 90 s after
		// a
		// two-minute outage; a shop expecting outages shortens it so.
		node = new ClienteleNode("smtp-outage", database, refusingSmtp.port(),
				"--clientele.notification.retry-delay=5s", "--clientele.notification.max-retry-delay=20s",
				"--clientele.notification.max-attempts=30")
			.start();
		MailLoad.importCustomers(database, directory, DOMAIN, MAILS);
		var staff = new WebClient(node.port());
		BackofficeLogins.signIn(staff, ClienteleNode.Secrets.ADMIN_EMAIL, ClienteleNode.Secrets.ADMIN_PASSWORD);

		var outageBegan = System.nanoTime();
		refusingSmtp.refuse();
		MailLoad.queuePasswordMails(database, MAILS);
		var queued = System.nanoTime();
		var duringOutage = awaitEveryMailTried(database, Duration.ofSeconds(90));
		var queuePage = Jsoup.parse(staff.get("/backoffice/mails").body());
		// two minutes from the moment every mail is queued
		ClienteleNode.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - queued) / 1_000_000));
		refusingSmtp.accept();
		var serverBack = System.nanoTime();
		var outage = Duration.ofNanos(serverBack - outageBegan);
		MailLoad.awaitDistinct(smtp, DOMAIN, 1, Duration.ofMinutes(3));
		var firstArrivedAfter = Duration.ofNanos(System.nanoTime() - serverBack);
		var received = MailLoad.awaitDistinct(smtp, DOMAIN, MAILS, Duration.ofMinutes(3));
		var allArrivedAfter = Duration.ofNanos(System.nanoTime() - serverBack);
		ClienteleNode.sleep(2_000);
		received = MailLoad.receivedByMessageId(smtp, DOMAIN);
		var attemptsLogged = node.logText().lines().filter(line -> line.contains(" not sent (attempt ")).count();

		var report = """
				mails queued during the outage: %d; connections refused for %d s, of them %d s with every mail queued
				outbox during the outage: %s; failed attempts logged: %d
				first mail arrived %d s, every mail %d s after the server was back; received %d, distinct Message-IDs %d
				""".formatted(MAILS, outage.toSeconds(), OUTAGE.toSeconds(), duringOutage, attemptsLogged,
				firstArrivedAfter.toSeconds(), allArrivedAfter.toSeconds(), MailLoad.total(received), received.size());
		Files.createDirectories(ClienteleNode.LOGS);
		Files.writeString(ClienteleNode.LOGS.resolve("smtp-outage-report.txt"), report);
		System.out.println(report);
		assertThat(duringOutage).as("held in the outbox, none sent").doesNotContainKey("SENT");
		var states = queuePage.select("#mails tbody tr td:nth-child(5)").eachText();
		var attempts = queuePage.select("#mails tbody tr td:nth-child(6)").eachText();
		assertThat(states).as("the back office's e-mail queue during the outage")
			.isNotEmpty()
			.allMatch(state -> state.equals("queued") || state.equals("sending"));
		assertThat(attempts).as("each with its failed attempts").allMatch(count -> Integer.parseInt(count) >= 1);
		assertThat(received).as("every mail arrived").hasSize(MAILS);
		assertThat(MailLoad.total(received)).as("each once").isEqualTo(MAILS);
		assertThat(MailLoad.outboxStates(database, DOMAIN)).containsExactly(Map.entry("SENT", MAILS));
		var log = node.logText();
		assertThat(log).as("the failed attempts are logged").contains("not sent (attempt 1)");
		assertThat(log).as("but no recipient address").doesNotContain("@" + DOMAIN);
	}

	/**
	 * Waits until every mail to the domain has failed at least once; returns the states.
	 */
	private static Map<String, Integer> awaitEveryMailTried(ClienteleNode.Database database, Duration timeout) {
		var jdbc = org.springframework.jdbc.core.simple.JdbcClient
			.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(database.jdbcUrl(),
					database.username(), database.password()));
		var deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var untried = jdbc.sql("select count(*) from notification_outbox where recipient like ? and attempts = 0")
				.param("%@" + DOMAIN)
				.query(Integer.class)
				.single();
			if (untried == 0) {
				break;
			}
			ClienteleNode.sleep(500);
		}
		return MailLoad.outboxStates(database, DOMAIN);
	}

}
