package io.clientele.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.shared.EmailAddress;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;

import jakarta.mail.internet.MimeMultipart;

/** The outbox against a real SMTP server (GreenMail) and the real database. */
@SpringBootTest
class MailDispatchIntegrationTests {

	@Autowired
	CustomerMails mails;

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailTemplates templates;

	@Autowired
	MailQueue queue;

	@Autowired
	ObjectProvider<JavaMailSender> sender;

	@Autowired
	NotificationSettings settings;

	@Autowired
	MailRetention retention;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	static Recipient recipient(String email, Locale locale) {
		return new Recipient(EmailAddress.of(email), "Lena Fischer", locale, null);
	}

	@Test
	void aMailIsSentAfterCommitInTheRecipientsLanguageAsHtmlAndText() throws Exception {
		var email = Shoppers.uniqueEmail();

		transaction.executeWithoutResult(status -> mails.passwordReset(recipient(email, Locale.GERMANY), "A".repeat(43),
				Duration.ofMinutes(60)));

		var mail = TestMailServer.mailTo(email, "Wählen Sie ein neues Passwort");
		assertThat(contentTypes(mail.getContent())).anyMatch(type -> type.startsWith("text/plain"))
			.anyMatch(type -> type.startsWith("text/html"));
		assertThat(TestMailServer.bodyOf(mail)).contains("Hallo Lena Fischer").contains("60 Minuten");
		assertThat(TestMailServer.linkIn(mail)).isEqualTo("/password/restore?token=" + "A".repeat(43));
		assertThat(mail.getFrom()[0].toString()).contains("no-reply@clientele.local");
	}

	@Test
	void mailsQueuedInBulkAreStoredUnrenderedAndRenderedWhenSentInEachRecipientsLanguage() throws Exception {
		var german = Shoppers.uniqueEmail();
		var english = Shoppers.uniqueEmail();

		transaction
			.executeWithoutResult(status -> mails.passwordResets(
					List.of(new TokenRecipient(recipient(german, Locale.GERMANY), "B".repeat(43)),
							new TokenRecipient(recipient(english, Locale.US), "C".repeat(43))),
					Duration.ofMinutes(60)));

		var germanMail = TestMailServer.mailTo(german, "Wählen Sie ein neues Passwort");
		assertThat(TestMailServer.bodyOf(germanMail)).contains("Hallo Lena Fischer").contains("60 Minuten");
		assertThat(TestMailServer.linkIn(germanMail)).isEqualTo("/password/restore?token=" + "B".repeat(43));
		var englishMail = TestMailServer.mailTo(english, "Choose a new password");
		assertThat(TestMailServer.bodyOf(englishMail)).contains("Hello Lena Fischer").contains("60 minutes");
		assertThat(TestMailServer.linkIn(englishMail)).isEqualTo("/password/restore?token=" + "C".repeat(43));
		assertThat(jdbc
			.sql("select count(*) from notification_outbox where recipient in (?, ?) and html_body is null"
					+ " and text_body is null and subject is null")
			.params(german, english)
			.query(Long.class)
			.single()).as("stored with their variables only, and without them once sent").isEqualTo(2);
		Thread.sleep(1000);
		assertThat(TestMailServer.mailsTo(german)).hasSize(1);
		assertThat(TestMailServer.mailsTo(english)).hasSize(1);
	}

	@Test
	void theQueueShowsAMailQueuedInBulkAsItWillBeSentWithItsLinkHidden() {
		var email = Shoppers.uniqueEmail();

		transaction.executeWithoutResult(status -> mails.loginsCreated(
				List.of(new TokenRecipient(recipient(email, Locale.US), "D".repeat(43))), Duration.ofHours(72)));

		var id = jdbc.sql("select id from notification_outbox where recipient = ?")
			.param(email)
			.query(java.util.UUID.class)
			.single();
		var mail = queue.find(id).orElseThrow();
		assertThat(mail.subject()).isEqualTo("Your customer account is ready: choose your password");
		assertThat(mail.textBody()).contains("Hello Lena Fischer")
			.contains("[link hidden: only the customer can use it]")
			.contains("The link is valid for 72 hours.")
			.doesNotContain("D".repeat(43));
		assertThat(mail.htmlBody()).doesNotContain("D".repeat(43)).doesNotContain("/password/restore");
	}

	@Test
	void mailsOlderThanTheRetentionAreDeleted() throws Exception {
		var old = Shoppers.uniqueEmail();
		var recent = Shoppers.uniqueEmail();
		var failed = Shoppers.uniqueEmail();
		mails.welcome(recipient(old, Locale.US));
		mails.welcome(recipient(recent, Locale.US));
		mails.welcome(recipient(failed, Locale.US));
		TestMailServer.mailsTo(old, 1);
		TestMailServer.mailsTo(recent, 1);
		TestMailServer.mailsTo(failed, 1);
		waitUntil(() -> statusesOf(old).equals(List.of("SENT")) && statusesOf(recent).equals(List.of("SENT"))
				&& statusesOf(failed).equals(List.of("SENT")));
		var beyond = java.sql.Timestamp.from(java.time.Instant.now().minus(settings.retention()).minusSeconds(60));
		jdbc.sql("update notification_outbox set sent_at = ? where recipient = ?").params(beyond, old).update();
		jdbc.sql("update notification_outbox set status = 'FAILED', sent_at = null, variables = '{}', created_at = ?"
				+ " where recipient = ?")
			.params(beyond, failed)
			.update();

		retention.deleteExpired();

		assertThat(statusesOf(old)).as("sent before the retention").isEmpty();
		assertThat(statusesOf(failed)).as("failed, queued before the retention").isEmpty();
		assertThat(statusesOf(recent)).containsExactly("SENT");
	}

	@Test
	void aMailSentAgainAfterACrashCarriesTheSameMessageIdSoReceiversCanDropIt() throws Exception {
		var email = Shoppers.uniqueEmail();
		mails.emailChanged(recipient(email, Locale.US), "new-" + email);
		var first = TestMailServer.mailTo(email, "Your email address was changed");
		waitUntil(() -> statusesOf(email).equals(List.of("SENT")));
		var id = jdbc.sql("select id from notification_outbox where recipient = ?")
			.param(email)
			.query(java.util.UUID.class)
			.single();

		// the node died after the SMTP server took the mail and before it was recorded
		jdbc.sql("update notification_outbox set status = 'SENDING', claimed_until = now() - interval '1 minute',"
				+ " subject = 'Your email address was changed', html_body = '<p>again</p>', text_body = 'again'"
				+ " where id = ?")
			.param(id)
			.update();
		waitUntil(() -> TestMailServer.mailsTo(email).size() == 2);

		var messageIds = TestMailServer.mailsTo(email).stream().map(mail -> {
			try {
				return mail.getMessageID();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(first.getMessageID()).startsWith("<" + id + "@");
		assertThat(messageIds).containsOnly(first.getMessageID()).hasSize(2);
	}

	@Test
	void aSentMailKeepsOnlyItsTypeRecipientStateAndTimes() {
		var email = Shoppers.uniqueEmail();

		mails.emailChanged(recipient(email, Locale.US), "new-" + email);

		TestMailServer.mailTo(email, "Your email address was changed");
		waitUntil(() -> statusesOf(email).equals(List.of("SENT")));
		assertThat(jdbc
			.sql("select count(*) from notification_outbox where recipient = ? and mail_type = 'EMAIL_CHANGED'"
					+ " and subject is null and html_body is null and text_body is null and variables is null"
					+ " and sent_at is not null and created_at is not null")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theRetentionIsThirtyDaysUnlessSet() {
		assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
	}

	@Test
	void aRolledBackTransactionSendsNothing() throws Exception {
		var email = Shoppers.uniqueEmail();

		transaction.executeWithoutResult(status -> {
			mails.welcome(recipient(email, Locale.US));
			status.setRollbackOnly();
		});
		Thread.sleep(1000);

		assertThat(TestMailServer.mailsTo(email)).isEmpty();
		assertThat(statusesOf(email)).isEmpty();
	}

	@Test
	void duringAnSmtpOutageMailsWaitAndAfterItEachArrivesExactlyOnce() throws Exception {
		var recipients = new ArrayList<String>();
		TestMailServer.stop();
		try {
			for (int i = 0; i < 3; i++) {
				var email = Shoppers.uniqueEmail();
				recipients.add(email);
				mails.welcome(recipient(email, Locale.US));
			}
			waitUntil(() -> recipients.stream().allMatch(r -> lastErrorOf(r) != null));
			assertThat(recipients).allSatisfy(r -> assertThat(statusesOf(r)).containsExactly("QUEUED"));
		}
		finally {
			TestMailServer.start();
		}

		for (var email : recipients) {
			assertThat(TestMailServer.mailsTo(email, 1)).hasSize(1);
		}
		Thread.sleep(1500);
		assertThat(recipients).allSatisfy(email -> {
			assertThat(TestMailServer.mailsTo(email)).hasSize(1);
			assertThat(statusesOf(email)).containsExactly("SENT");
		});
	}

	@Test
	void severalDispatchersOnOneDatabaseNeverSendAMailTwice() throws Exception {
		var recipients = new ArrayList<String>();
		transaction.executeWithoutResult(status -> {
			for (int i = 0; i < 40; i++) {
				var email = Shoppers.uniqueEmail();
				recipients.add(email);
				mails.welcome(recipient(email, Locale.US));
			}
		});
		// Two more nodes' dispatchers race the application's own for the same rows.
		var nodes = Executors.newFixedThreadPool(2);
		for (int node = 0; node < 2; node++) {
			var dispatcher = new MailDispatcher(outbox, templates, sender, settings, retention, Clock.systemUTC(),
					java.nio.file.Path.of("target"));
			nodes.submit(dispatcher::dispatchDue);
		}
		nodes.shutdown();
		nodes.awaitTermination(30, TimeUnit.SECONDS);

		for (var email : recipients) {
			assertThat(TestMailServer.mailsTo(email, 1)).hasSize(1);
		}
		Thread.sleep(1000);
		assertThat(recipients).allSatisfy(email -> assertThat(TestMailServer.mailsTo(email)).hasSize(1));
	}

	private java.util.List<String> statusesOf(String email) {
		return jdbc.sql("select status from notification_outbox where recipient = ?")
			.param(email)
			.query(String.class)
			.list();
	}

	private String lastErrorOf(String email) {
		return jdbc.sql("select last_error from notification_outbox where recipient = ? and last_error is not null")
			.param(email)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static java.util.List<String> contentTypes(Object content) throws Exception {
		var types = new ArrayList<String>();
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var part = multipart.getBodyPart(i);
				types.add(part.getContentType());
				types.addAll(contentTypes(part.getContent()));
			}
		}
		return types;
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not reached in time");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
