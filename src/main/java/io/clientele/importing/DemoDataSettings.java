package io.clientele.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoData whether an empty database gets the demo customers on start; turn off in
 * production
 * @param demoPassword the password of every demo customer
 */
@ConfigurationProperties("clientele")
public record DemoDataSettings(@DefaultValue("true") boolean demoData,
		@DefaultValue(DemoData.DEFAULT_PASSWORD) String demoPassword) {
}
