package io.clientele.notes;

import java.time.Instant;
import java.util.UUID;

/** A note on a customer, as written. */
public record CustomerNote(UUID id, String text, String author, Instant writtenAt) {
}
