package io.clientele.staff;

import java.time.Instant;
import java.util.UUID;

import io.clientele.shared.EmailAddress;

/** A staff account as the back office lists it. */
public record StaffSummary(UUID id, EmailAddress email, String displayName, StaffRole role, Instant createdAt) {
}
