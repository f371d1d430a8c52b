package io.clientele.notification;

/** A recipient of a mail whose link carries a token of their own. */
public record TokenRecipient(Recipient recipient, String token) {
}
