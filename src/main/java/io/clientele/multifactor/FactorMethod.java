package io.clientele.multifactor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One method of an owner and its state (Spryker's {@code multi-factor-auth-types}).
 *
 * @param type the method
 * @param status disabled, activating or enabled
 * @param enabledAt when it was turned on; none unless enabled
 */
public record FactorMethod(FactorType type, FactorStatus status, @Nullable Instant enabledAt) {

	public boolean enabled() {
		return status == FactorStatus.ENABLED;
	}

}
