package io.clientele.staff;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A staff member's new name and role, made on the {@code version} the admin was shown.
 */
public record ChangeStaffMember(UUID staffId, long version, String displayName, @Nullable StaffRole role) {
}
