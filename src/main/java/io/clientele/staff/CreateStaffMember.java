package io.clientele.staff;

import org.jspecify.annotations.Nullable;

/**
 * A new staff member as an admin enters them; {@link StaffAccounts#create} checks every
 * field.
 */
public record CreateStaffMember(String email, String displayName, @Nullable StaffRole role, String password) {
}
