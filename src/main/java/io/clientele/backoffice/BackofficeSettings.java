package io.clientele.backoffice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idleTimeout how long a staff member's session lasts without a request
 * @param importKept how long an uploaded import file and its error reports are kept after
 * the staff member last looked at them (an imported file is deleted at once)
 */
@ConfigurationProperties("clientele.backoffice")
public record BackofficeSettings(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("1h") Duration importKept) {
}
