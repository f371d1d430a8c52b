package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * Without trusted proxies (the default), {@code X-Forwarded-For} is the client's own
 * writing and is ignored: the address is the connection's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClientAddressIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClientCannotDodgeTheAddressLimitByRotatingASpoofedForwardedForHeader() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);

		for (var spoofed : new String[] { "203.0.113.1", "203.0.113.2", "2001:db8::3" }) {
			var browser = new WebClient(port).header("X-Forwarded-For", spoofed);
			browser.get("/login");
			browser.post("/login", Map.of("email", email, "password", "a-wrong-password-9"));
		}

		assertThat(jdbc
			.sql("select client_address from audit_entry where customer_id = ? and type = 'LOGIN_FAILED' order by id")
			.param(customer.id().value())
			.query(String.class)
			.list()).as("every attempt counts for the one address it came from")
			.containsExactly("127.0.0.1", "127.0.0.1", "127.0.0.1");
	}

	@Test
	void metricsAreServedToLoopbackByDefault() {
		assertThat(new WebClient(port).header("X-Forwarded-For", "203.0.113.1").get("/actuator/prometheus").status())
			.isEqualTo(200);
	}

}
