package io.clientele.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One line of the trail. */
public record AuditEntry(long id, Instant occurredAt, AuditType type, String actor, @Nullable UUID customerId,
		@Nullable String clientAddress, @Nullable String detail) {
}
