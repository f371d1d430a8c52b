package io.clientele.notification;

import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.clientele.shared.DatabaseOutage;
import jakarta.mail.MessagingException;

/**
 * Sends due mails from the outbox over SMTP: right after a commit that queued one, and
 * every poll interval. Failed attempts are retried with exponential backoff. Without an
 * SMTP server ({@code spring.mail.host}) mails are written to the {@link MailPickup}
 * directory instead. Once an hour, mails past their retention are deleted.
 */
@Component
class MailDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	// A claim outlives any SMTP conversation; after it, another dispatcher may take the
	// mail.
	private static final Duration CLAIM = Duration.ofMinutes(5);

	// SMTP errors often quote the recipient; the log must not.
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^\\s<>\"']+@[^\\s<>\"']+");

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final JavaMailSender sender;

	private final @Nullable MailPickup pickup;

	private final MailRetention retention;

	private final NotificationSettings settings;

	private final Clock clock;

	private final ReentrantLock running = new ReentrantLock();

	// only the dispatcher's thread, under the lock, reads and writes it
	private boolean databaseDown;

	private @Nullable ScheduledExecutorService executor;

	MailDispatcher(MailOutbox outbox, MailTemplates templates, ObjectProvider<JavaMailSender> sender,
			NotificationSettings settings, MailRetention retention, Clock clock,
			@Value("${clientele.data-dir:./data}") Path dataDir) {
		this.outbox = outbox;
		this.templates = templates;
		var smtp = sender.getIfAvailable();
		var files = smtp == null ? new MailPickup(dataDir.resolve("mail-pickup")) : null;
		this.pickup = files;
		this.sender = files != null ? files : java.util.Objects.requireNonNull(smtp);
		this.settings = settings;
		this.retention = retention;
		this.clock = clock;
	}

	/** Sends what is due now, on the dispatcher's thread. */
	void dispatchSoon() {
		var current = executor;
		if (current != null) {
			current.execute(this::dispatchDue);
		}
	}

	/**
	 * Sends every mail that is due, batch by batch; returns how many were sent. A second
	 * call while one runs on this node returns at once: the running one picks up the new
	 * mails.
	 */
	int dispatchDue() {
		if (!running.tryLock()) {
			return 0;
		}
		try {
			var sent = 0;
			while (true) {
				var now = clock.instant();
				var batch = outbox.claimDue(now, now.plus(CLAIM), settings.batchSize());
				if (batch.isEmpty()) {
					if (databaseDown) {
						databaseDown = false;
						log.info("Mail dispatch resumed: PostgreSQL is reachable again");
					}
					return sent;
				}
				for (var mail : batch) {
					sent += send(sender, mail) ? 1 : 0;
				}
			}
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isCauseOf(ex)) {
				log.warn("Mail dispatch stopped: {}", ex.getMessage());
			}
			else if (!databaseDown) {
				// once per outage, not every poll: the mails wait in the outbox
				databaseDown = true;
				log.warn("Mail dispatch paused until PostgreSQL is reachable again: {}", DatabaseOutage.describe(ex));
			}
			return 0;
		}
		finally {
			running.unlock();
		}
	}

	private boolean send(JavaMailSender sender, MailOutbox.ClaimedMail mail) {
		MailTemplates.MailContent content;
		try {
			content = contentOf(mail);
		}
		catch (RuntimeException renderingFailed) {
			return failed(mail, renderingFailed);
		}
		try {
			var message = sender.createMimeMessage();
			var helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(settings.senderAddress(), settings.senderName());
			helper.setTo(mail.recipient());
			helper.setSubject(content.subject());
			helper.setText(content.text(), content.html());
			// the same for every attempt: a receiver drops a mail sent again after a
			// crash
			message.setHeader("Message-ID", messageId(mail.id()));
			sender.send(message);
			outbox.markSent(mail.id(), clock.instant());
			return true;
		}
		catch (MailException | MessagingException | UnsupportedEncodingException ex) {
			return failed(mail, ex);
		}
	}

	/**
	 * The mail's {@code Message-ID}: its outbox id at the sender's domain. Delivery is at
	 * least once (a node killed between sending and recording it leaves the claim to
	 * expire and another node sends again), so a repeat carries the same id.
	 */
	String messageId(java.util.UUID id) {
		var sender = settings.senderAddress();
		return "<" + id + "@" + sender.substring(sender.lastIndexOf('@') + 1) + ">";
	}

	private boolean failed(MailOutbox.ClaimedMail mail, Exception ex) {
		var retryAt = mail.attempts() < settings.maxAttempts() ? nextAttempt(mail.attempts()) : null;
		outbox.markAttemptFailed(mail.id(), describe(ex), retryAt);
		// The id, never the address: logs hold no personal data.
		log.warn("Mail {} not sent (attempt {}): {}", mail.id(), mail.attempts(),
				EMAIL.matcher(describe(ex)).replaceAll("***"));
		return false;
	}

	/** The mail as it was queued, or rendered now when it was queued unrendered. */
	private MailTemplates.MailContent contentOf(MailOutbox.ClaimedMail mail) {
		if (mail.subject() != null && mail.html() != null && mail.text() != null) {
			return new MailTemplates.MailContent(mail.subject(), mail.html(), mail.text());
		}
		return templates.content(mail.type(), mail.recipientName(), mail.locale(),
				java.util.Objects.requireNonNull(mail.variables(), "a mail without body has variables"));
	}

	private Instant nextAttempt(int attempts) {
		var delay = settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
		return clock.instant().plus(delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay);
	}

	private static String describe(Exception ex) {
		var root = ex;
		while (root.getCause() instanceof Exception cause && cause != root) {
			root = cause;
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/** The console only queues mails: the dispatcher of a web instance sends them. */
	@Override
	public boolean isAutoStartup() {
		return settings.dispatch();
	}

	@Override
	public void start() {
		executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mail-dispatcher").factory());
		var interval = settings.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::dispatchDue, interval, interval, TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(retention::run, 1, 60, TimeUnit.MINUTES);
		if (pickup != null) {
			log.info("No SMTP server configured (spring.mail.host): mails are written as .eml files to {}"
					+ " (readable only by the user running Clientele)", pickup.directory());
		}
	}

	@Override
	public void stop() {
		var current = executor;
		executor = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
