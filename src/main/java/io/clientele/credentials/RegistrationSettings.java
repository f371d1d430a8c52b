package io.clientele.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param doubleOptIn whether a new account must confirm its address through an e-mailed
 * link before it can log in
 * @param confirmationValidity how long a confirmation link works
 * @param maxPerClient registrations (storefront and API) accepted from one client address
 * per hour; more are refused with 429
 * @param maxPerAddress registrations accepted for one e-mail address per day, whether or
 * not it has an account; more are refused with 429
 */
@ConfigurationProperties("clientele.registration")
public record RegistrationSettings(@DefaultValue("true") boolean doubleOptIn,
		@DefaultValue("72h") Duration confirmationValidity, @DefaultValue("20") int maxPerClient,
		@DefaultValue("5") int maxPerAddress) {
}
