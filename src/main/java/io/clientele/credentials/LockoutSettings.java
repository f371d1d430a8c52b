package io.clientele.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Temporary lockout after failed password checks, counted in PostgreSQL so every node
 * sees the same counts.
 *
 * @param maxFailures failed checks for one account within {@code window} that block it
 * @param window the span in which failures are counted
 * @param blockFor how long the first block of an account lasts; each further block
 * doubles it
 * @param maxBlock the longest block of an account
 * @param clientMaxFailures failed checks from one client address (an IPv6 client by its
 * /64 network) within {@code window} that block that address
 * @param clientBlockFor how long a client address stays blocked
 * @param deviceValidity how long a device token (given at a successful login) lets its
 * browser or app count its failures apart from everyone else's
 * @param purgeAfter counters untouched this long are deleted
 */
@ConfigurationProperties("clientele.authentication.lockout")
public record LockoutSettings(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration window,
		@DefaultValue("5m") Duration blockFor, @DefaultValue("1h") Duration maxBlock,
		@DefaultValue("100") int clientMaxFailures, @DefaultValue("15m") Duration clientBlockFor,
		@DefaultValue("90d") Duration deviceValidity, @DefaultValue("1d") Duration purgeAfter) {
}
