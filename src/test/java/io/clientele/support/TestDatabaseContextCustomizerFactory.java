package io.clientele.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the suite's {@link TestDatabase} and
 * {@link TestMailServer}, retries mail quickly, and turns off demo data, so tests start
 * from the data they create.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new TestDatabaseCustomizer();
	}

	private static final class TestDatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("clienteleTestInfrastructure",
						Map.of("spring.datasource.url", TestDatabase.jdbcUrl(), "spring.datasource.username",
								"postgres", "spring.mail.host", "127.0.0.1", "spring.mail.port",
								String.valueOf(TestMailServer.port()), "clientele.notification.retry-delay", "200ms",
								"clientele.notification.poll-interval", "300ms", "clientele.demo-data", "false",
								"clientele.bootstrap-admin.password", "Harbour-Kettle-Test-41",
								// GreenMail logs every recipient; Clientele's own logs
								// must hold none
								"logging.level.com.icegreen.greenmail", "WARN")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestDatabaseCustomizer;
		}

		@Override
		public int hashCode() {
			return TestDatabaseCustomizer.class.hashCode();
		}

	}

}
