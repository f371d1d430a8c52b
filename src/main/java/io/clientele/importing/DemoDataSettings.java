package io.clientele.importing;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoData whether an empty database gets the demo customers on start; when not
 * set, only the embedded database gets them (never a configured
 * {@code spring.datasource.url}: that is a shop's database)
 * @param demoPassword the password of every demo customer
 */
@ConfigurationProperties("clientele")
public record DemoDataSettings(@Nullable Boolean demoData,
		@DefaultValue(DemoData.DEFAULT_PASSWORD) String demoPassword) {

	/** Whether to load the demo customers, on the embedded database or another. */
	boolean wanted(boolean embeddedDatabase) {
		return demoData != null ? demoData : embeddedDatabase;
	}

}
