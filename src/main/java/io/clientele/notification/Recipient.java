package io.clientele.notification;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.clientele.shared.EmailAddress;

/**
 * Whom a mail goes to and in which language.
 *
 * @param customerId the customer the mail is about, to find it again in the queue
 */
public record Recipient(EmailAddress email, String name, Locale locale, @Nullable UUID customerId) {
}
