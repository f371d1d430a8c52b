package io.clientele.passkeys;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A passkey as its owner sees it in the list.
 *
 * @param id the passkey's own id (not its WebAuthn credential id), used in links
 * @param lastUsedAt the last sign-in with it; {@code null} if never
 */
public record PasskeySummary(UUID id, String name, Instant createdAt, @Nullable Instant lastUsedAt) {
}
