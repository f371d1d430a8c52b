package io.clientele.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param doubleOptIn whether a new account must confirm its address through an e-mailed
 * link before it can log in
 * @param confirmationValidity how long a confirmation link works
 */
@ConfigurationProperties("clientele.registration")
public record RegistrationSettings(@DefaultValue("true") boolean doubleOptIn,
		@DefaultValue("72h") Duration confirmationValidity) {
}
