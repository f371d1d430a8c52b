package io.clientele.staff;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.clientele.shared.EmailAddress;

/**
 * A staff account as the back office lists it; {@code version} is what an edit form sends
 * back to detect changes made meanwhile.
 */
public record StaffSummary(UUID id, EmailAddress email, String displayName, StaffRole role, Instant createdAt,
		@Nullable Instant deactivatedAt, long version) {

	/** Whether the staff member may log in. */
	public boolean active() {
		return deactivatedAt == null;
	}

}
