package io.clientele.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import io.clientele.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A node killed with {@code kill -9} while it sends 2,000 mails to a slow SMTP server
 * loses none: started again, it sends the rest, and the mails it was sending when it died
 * once their claim has expired. Delivery is at least once; a repeat carries the
 * Message-ID of the first, so receivers drop it. The test reports the repeats.
 */
@Tag("reliability")
class KillNineDuringMailDispatchReliabilityTests {

	private static final int MAILS = 2_000;

	private static final String DOMAIN = "kill.example";

	@TempDir
	Path directory;

	EmbeddedPostgres postgres;

	GreenMail smtp;

	SlowSmtpProxy slowSmtp;

	ClienteleNode node;

	@AfterEach
	void stop() throws IOException {
		if (node != null) {
			node.close();
		}
		if (slowSmtp != null) {
			slowSmtp.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void everyMailArrivesAfterTheNodeIsKilledMidwayAndStartedAgain() throws IOException {
		postgres = TestDatabase.start();
		var database = ClienteleNode.Database.on(postgres);
		smtp = MailLoad.smtpServer();
		slowSmtp = new SlowSmtpProxy(smtp.getSmtp().getPort(), Duration.ofMillis(20)).accept();
		node = new ClienteleNode("kill-nine", database, slowSmtp.port()).start();
		MailLoad.importCustomers(database, directory, DOMAIN, MAILS);

		var queueing = MailLoad.queuePasswordMails(database, MAILS);
		var dispatchStarted = System.nanoTime();
		// Killed as soon as a mail arrives: most likely while the node waits for the
		// server's
		// late answer, so it never records that mail as sent.
		var beforeKill = MailLoad.awaitDistinct(smtp, DOMAIN, MAILS / 3, Duration.ofMinutes(3), Duration.ofMillis(1));
		node.kill();
		var killedAfter = Duration.ofNanos(System.nanoTime() - dispatchStarted);
		var arrivedBeforeKill = MailLoad.receivedByMessageId(smtp, DOMAIN).size();
		var statesAtKill = MailLoad.outboxStates(database, DOMAIN);
		var restartStarted = System.nanoTime();
		node.start();
		var all = MailLoad.awaitDistinct(smtp, DOMAIN, MAILS, Duration.ofMinutes(10));
		var allAfterRestart = Duration.ofNanos(System.nanoTime() - restartStarted);
		// a repeat may still be on its way
		ClienteleNode.sleep(2_000);
		all = MailLoad.receivedByMessageId(smtp, DOMAIN);
		var duplicates = MailLoad.total(all) - all.size();

		var report = """
				mails queued: %d (customer:password:set --force, %d s)
				killed (SIGKILL) after %d s of dispatch; %d distinct mails had arrived; outbox at the kill: %s
				every mail arrived %d s after the restart began (claims of the killed node expire after 5 min)
				received %d, distinct Message-IDs %d, duplicates %d; outbox now: %s
				""".formatted(MAILS, queueing.toSeconds(), killedAfter.toSeconds(), arrivedBeforeKill, statesAtKill,
				allAfterRestart.toSeconds(), MailLoad.total(all), all.size(), duplicates,
				MailLoad.outboxStates(database, DOMAIN));
		Files.createDirectories(ClienteleNode.LOGS);
		Files.writeString(ClienteleNode.LOGS.resolve("kill-nine-report.txt"), report);
		System.out.println(report);
		assertThat(beforeKill.size()).as("killed midway").isBetween(MAILS / 3, MAILS - 1);
		assertThat(all).as("every mail arrived").hasSize(MAILS);
		assertThat(MailLoad.outboxStates(database, DOMAIN)).as("every mail is recorded as sent")
			.containsExactly(java.util.Map.entry("SENT", MAILS));
		assertThat(duplicates).as("repeats only of the one batch the node was sending when it died")
			.isLessThanOrEqualTo(20);
	}

}
