package io.clientele.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which entries to show; every null criterion matches all.
 *
 * @param actor part of the actor's name, any case
 * @param customer the customer's id
 * @param type what happened
 * @param from the earliest time
 * @param until the time before which entries occurred
 */
public record AuditFilter(@Nullable String actor, @Nullable UUID customer, @Nullable AuditType type,
		@Nullable Instant from, @Nullable Instant until) {

	public static AuditFilter customer(UUID customer) {
		return new AuditFilter(null, customer, null, null, null);
	}

}
