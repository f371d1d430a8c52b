package io.clientele.backoffice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idleTimeout how long a staff member's session lasts without a request (how long
 * import jobs are kept is {@code clientele.importing.jobs.kept})
 */
@ConfigurationProperties("clientele.backoffice")
public record BackofficeSettings(@DefaultValue("30m") Duration idleTimeout) {
}
