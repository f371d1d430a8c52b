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
						Map.ofEntries(Map.entry("spring.datasource.url", TestDatabase.jdbcUrl()),
								Map.entry("spring.datasource.username", "postgres"),
								Map.entry("spring.mail.host", "127.0.0.1"),
								Map.entry("spring.mail.port", String.valueOf(TestMailServer.port())),
								Map.entry("clientele.notification.retry-delay", "200ms"),
								Map.entry("clientele.notification.poll-interval", "300ms"),
								Map.entry("clientele.demo-data", "false"),
								Map.entry("clientele.data-dir", TestDatabase.dataDirectory()),
								Map.entry("clientele.encryption-key", TestDatabase.ENCRYPTION_KEY),
								// the checkout's client secret is
								// "checkout-secret-for-tests"
								Map.entry("clientele.api.backoffice-clients.checkout",
										io.clientele.shared.Sha256.hex("checkout-secret-for-tests")),
								Map.entry("clientele.bootstrap-admin.password", "Harbour-Kettle-Test-41"),
								// every web test comes from 127.0.0.1: the address limit
								// has its own test
								Map.entry("clientele.authentication.lockout.client-max-failures", "1000000"),
								Map.entry("clientele.credentials.reset.max-requests-per-client", "1000000"),
								Map.entry("clientele.registration.max-per-client", "1000000"))));
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
