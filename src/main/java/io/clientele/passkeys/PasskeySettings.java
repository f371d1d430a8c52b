package io.clientele.passkeys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of passkeys. The relying party (its id and the origin a browser must report)
 * is the host of {@code clientele.public-url}.
 *
 * @param relyingPartyName the name a browser shows when it offers to save a passkey
 * @param challengeValidity how long a challenge may be answered; answered once, it is
 * void at once
 * @param maxPerCustomer how many passkeys one account may hold
 */
@ConfigurationProperties("clientele.passkeys")
public record PasskeySettings(@DefaultValue("Clientele") String relyingPartyName,
		@DefaultValue("5m") Duration challengeValidity, @DefaultValue("10") int maxPerCustomer) {

	public PasskeySettings {
		if (challengeValidity.isNegative() || challengeValidity.isZero() || maxPerCustomer < 1) {
			throw new IllegalArgumentException(
					"clientele.passkeys.challenge-validity must be positive and max-per-customer at least 1");
		}
	}

}
