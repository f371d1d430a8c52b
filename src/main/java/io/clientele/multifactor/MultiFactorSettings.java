package io.clientele.multifactor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of second factors; the defaults are Spryker's where it has one.
 *
 * @param emailCodeValidity how long an e-mailed code works (Spryker: 30 minutes)
 * @param emailCodeInterval the least time between two e-mailed codes to one owner
 * @param gracePeriod how long after a correct code further protected actions of the same
 * session or token family need no new one (Spryker: 30 minutes)
 * @param maxWrongCodes wrong codes after which the flow resets and every code sent so far
 * is void (Spryker's brute-force limit: 3)
 * @param maxResets resets after which the second step is locked for {@code lockDuration}
 * @param lockDuration how long the second step stays locked
 * @param issuer the name an authenticator app shows beside the account
 * @param recoveryCodes how many single-use recovery codes an owner gets
 */
@ConfigurationProperties("clientele.mfa")
public record MultiFactorSettings(@DefaultValue("30m") Duration emailCodeValidity,
		@DefaultValue("30s") Duration emailCodeInterval, @DefaultValue("30m") Duration gracePeriod,
		@DefaultValue("3") int maxWrongCodes, @DefaultValue("3") int maxResets,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("Clientele") String issuer,
		@DefaultValue("10") int recoveryCodes) {

	public MultiFactorSettings {
		if (maxWrongCodes < 1 || maxResets < 1 || recoveryCodes < 1) {
			throw new IllegalArgumentException(
					"clientele.mfa.max-wrong-codes, max-resets and recovery-codes must be at least 1");
		}
	}

}
