package io.clientele.api;

import static io.clientele.api.GlueContract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;

/**
 * {@code POST /customers} within the limit per client address: the context of
 * {@code StorefrontRegistrationLimitsIntegrationTests}, requests from a loopback address
 * of their own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clientele.registration.max-per-client=3")
class ApiRegistrationLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Test
	void registrationsFromOneClientAreLimited() {
		var app = new ApiClient(port, Shoppers.uniqueClientAddress());
		for (var i = 0; i < 3; i++) {
			assertThat(app
				.post("/api/customers",
						ApiCustomersIntegrationTests.registration(Shoppers.uniqueEmail(), Shoppers.PASSWORD,
								Shoppers.PASSWORD),
						null)
				.status()).as("registration " + (i + 1)).isEqualTo(201);
		}
		var email = Shoppers.uniqueEmail();

		var refused = app.post("/api/customers",
				ApiCustomersIntegrationTests.registration(email, Shoppers.PASSWORD, Shoppers.PASSWORD), null);

		assertError(refused, 429, "429",
				"Too many registrations from this client or for this email address. Please try again later.");
		assertThat(refused.header("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive().isLessThanOrEqualTo(3600));
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
		assertThat(new ApiClient(port, Shoppers.uniqueClientAddress())
			.post("/api/customers",
					ApiCustomersIntegrationTests.registration(Shoppers.uniqueEmail(), Shoppers.PASSWORD,
							Shoppers.PASSWORD),
					null)
			.status()).as("another client is not affected").isEqualTo(201);
	}

}
