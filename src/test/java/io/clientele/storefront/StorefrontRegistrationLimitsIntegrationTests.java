package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/**
 * The registration limit per client address, with a low limit and requests from a
 * loopback address of their own (every other test comes from 127.0.0.1, where the suite
 * lifts the limit). {@code ApiRegistrationLimitsIntegrationTests} shares this context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clientele.registration.max-per-client=3")
class StorefrontRegistrationLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	WebClient.Page register(java.net.InetAddress from, String email) {
		var browser = new WebClient(port, from);
		browser.get("/register");
		return browser.post("/register", Shoppers.registrationForm(email));
	}

	@Test
	void registrationsFromOneClientAreLimited() throws Exception {
		var client = Shoppers.uniqueClientAddress();
		for (var i = 0; i < 3; i++) {
			assertThat(register(client, Shoppers.uniqueEmail()).location()).as("registration " + (i + 1))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
		var email = Shoppers.uniqueEmail();

		var refused = register(client, email);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive().isLessThanOrEqualTo(3600));
		assertThat(refused.body()).contains("Too many registrations came from your network or for this email address.");
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
		assertThat(register(Shoppers.uniqueClientAddress(), Shoppers.uniqueEmail()).location())
			.as("another client is not affected")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		Thread.sleep(500);
		assertThat(TestMailServer.mailsTo(email)).isEmpty();
	}

	@Test
	void aRefusedRegistrationIsCheckedFirstAndCountsNothing() {
		var client = Shoppers.uniqueClientAddress();
		var browser = new WebClient(port, client);
		browser.get("/register");
		for (var i = 0; i < 5; i++) {
			browser.post("/register", Shoppers.registrationForm(Shoppers.uniqueEmail(), "password", "short"));
		}

		assertThat(register(client, Shoppers.uniqueEmail()).location()).as("invalid forms are not counted")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

}
