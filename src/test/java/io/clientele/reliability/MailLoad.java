package io.clientele.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Many mails through the product's own paths, and the SMTP server that receives them. The
 * customers come in as an operator imports them ({@code customer:import}); their mails
 * are queued as an operator sends them ({@code customer:password:set --force}: one
 * "choose your password" mail per customer without a password), each by a console process
 * of its own on the nodes' database.
 */
final class MailLoad {

	private static final String HEADER = "customer_reference,locale_name,phone,email,salutation,first_name,last_name,"
			+ "company,gender,date_of_birth,password,registered";

	private MailLoad() {
	}

	/** A GreenMail SMTP server on a free port, quiet about recipients. */
	static GreenMail smtpServer() {
		// GreenMail logs every recipient at INFO
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		var server = new GreenMail(new ServerSetup(ClienteleNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	/** Imports {@code count} customers at the domain, without passwords. */
	static void importCustomers(ClienteleNode.Database database, Path directory, String domain, int count) {
		var file = directory.resolve(domain + ".csv");
		var prefix = domain.substring(0, domain.indexOf('.')).toUpperCase(java.util.Locale.ROOT);
		try (var out = Files.newBufferedWriter(file)) {
			out.write(HEADER + "\n");
			for (var n = 1; n <= count; n++) {
				out.write(prefix + "--" + n + ",en_US,,customer." + n + "@" + domain
						+ ",Ms,Ann,Lee,,Female,,,2020-06-24\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var run = database.console("customer:import", file.toString());
		assertThat(run.exitCode()).as(run.output()).isZero();
	}

	/** How many mails of the outbox are in each state. */
	static Map<String, Integer> outboxStates(ClienteleNode.Database database, String domain) {
		var jdbc = org.springframework.jdbc.core.simple.JdbcClient
			.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(database.jdbcUrl(),
					database.username(), database.password()));
		return jdbc
			.sql("select status, count(*) from notification_outbox where recipient like '%@' || ? group by status")
			.param(domain)
			.query((row, n) -> Map.entry(row.getString(1), row.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Queues one mail to every customer without a password; returns how long it took. */
	static Duration queuePasswordMails(ClienteleNode.Database database, int expected) {
		var started = System.nanoTime();
		var run = database.console("customer:password:set", "--force");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains(expected + " out of " + expected + " emails sent");
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/** How often each Message-ID arrived, of the mails to the domain. */
	static Map<String, Long> receivedByMessageId(GreenMail server, String domain) {
		return Arrays.stream(server.getReceivedMessages())
			.filter(mail -> isTo(mail, domain))
			.collect(Collectors.groupingBy(MailLoad::messageId, Collectors.counting()));
	}

	/**
	 * Waits until {@code count} distinct mails to the domain have arrived, or the timeout
	 * passed; returns what arrived.
	 */
	static Map<String, Long> awaitDistinct(GreenMail server, String domain, int count, Duration timeout) {
		return awaitDistinct(server, domain, count, timeout, Duration.ofMillis(200));
	}

	/** As above, looking every {@code interval}. */
	static Map<String, Long> awaitDistinct(GreenMail server, String domain, int count, Duration timeout,
			Duration interval) {
		var deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			var received = receivedByMessageId(server, domain);
			if (received.size() >= count || System.nanoTime() > deadline) {
				return received;
			}
			ClienteleNode.sleep(interval.toMillis());
		}
	}

	static long total(Map<String, Long> received) {
		return received.values().stream().mapToLong(Long::longValue).sum();
	}

	private static String messageId(MimeMessage mail) {
		try {
			return String.valueOf(mail.getMessageID());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isTo(MimeMessage mail, String domain) {
		try {
			var recipients = mail.getRecipients(Message.RecipientType.TO);
			return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().endsWith("@" + domain));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
