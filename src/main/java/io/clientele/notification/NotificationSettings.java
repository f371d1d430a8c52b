package io.clientele.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outgoing mail. The SMTP server itself is {@code spring.mail.host} and
 * {@code spring.mail.port}; without a host, mails are written as {@code .eml} files to
 * {@code <clientele.data-dir>/mail-pickup}, readable only by the system user running
 * Clientele.
 *
 * @param senderAddress the From address
 * @param senderName the name shown with the From address
 * @param pollInterval how often the dispatcher looks for due mails (it also runs after
 * every commit that queued one)
 * @param batchSize how many mails one dispatcher claims at a time
 * @param retryDelay the wait before the first retry; it doubles with every failed attempt
 * @param maxRetryDelay the longest wait between two attempts
 * @param maxAttempts attempts before a mail is marked failed
 * @param dispatch whether this instance sends mails (the console does not: it only
 * queues)
 * @param retention how long a sent mail (type, recipient, state and times: its content is
 * gone once sent) and a failed one stay in the outbox before they are deleted
 */
@ConfigurationProperties("clientele.notification")
public record NotificationSettings(@DefaultValue("no-reply@clientele.local") String senderAddress,
		@DefaultValue("Clientele") String senderName, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("20") int batchSize, @DefaultValue("30s") Duration retryDelay,
		@DefaultValue("1h") Duration maxRetryDelay, @DefaultValue("10") int maxAttempts,
		@DefaultValue("true") boolean dispatch, @DefaultValue("30d") Duration retention) {
}
