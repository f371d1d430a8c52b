package io.clientele.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * One GreenMail SMTP server per test JVM on a free port: the real SMTP server every
 * Spring test context sends its mail to. Tests tell their mails apart by unique recipient
 * addresses.
 */
public final class TestMailServer {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

	private static GreenMail server;

	private static int port;

	private TestMailServer() {
	}

	public static synchronized int port() {
		if (server == null) {
			port = freePort();
			start();
		}
		return port;
	}

	public static synchronized void start() {
		// GreenMail logs every recipient at INFO; the suite checks that the logs hold no
		// addresses.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	/**
	 * Takes the SMTP server away, as an outage would; {@link #start()} brings it back,
	 * empty.
	 */
	public static synchronized void stop() {
		server.stop();
	}

	/** The mails to the address, waiting up to ten seconds for at least {@code count}. */
	public static List<MimeMessage> mailsTo(String address, int count) {
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			var mails = mailsTo(address);
			if (mails.size() >= count || System.nanoTime() > deadline) {
				return mails;
			}
			sleep(50);
		}
	}

	/** The mails to the address received so far. */
	public static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(server.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
	}

	/** The one mail to the address whose subject contains the text, waiting for it. */
	public static MimeMessage mailTo(String address, String subjectContains) {
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			var match = mailsTo(address).stream().filter(m -> subjectOf(m).contains(subjectContains)).toList();
			if (!match.isEmpty()) {
				return match.getLast();
			}
			sleep(50);
		}
		throw new AssertionError("No mail to " + address + " about \"" + subjectContains + "\"");
	}

	public static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The whole message as sent, both parts. */
	public static String bodyOf(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/**
	 * The path and query of the first link in the mail, to follow on the test's own port.
	 */
	public static String linkIn(MimeMessage message) {
		var matcher = LINK.matcher(bodyOf(message).replace("=\r\n", "").replace("=3D", "="));
		if (!matcher.find()) {
			throw new AssertionError("No link in the mail");
		}
		var link = java.net.URI.create(matcher.group().replace("&amp;", "&"));
		return link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			var recipients = message.getRecipients(Message.RecipientType.TO);
			return recipients != null
					&& Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (var socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
