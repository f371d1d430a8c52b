package io.clientele.staff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A staff member's authenticator app as their security page shows it.
 *
 * @param enabled whether it is on
 * @param enabledAt since when; none when off
 * @param recoveryCodesLeft unused recovery codes
 * @param required whether their role requires it, so that they cannot turn it off
 */
public record StaffFactorStatus(boolean enabled, @Nullable Instant enabledAt, int recoveryCodesLeft, boolean required) {
}
