package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsUpAndIncludesTheDatabase() {
		var health = new WebClient(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}");
	}

	@Test
	void prometheusMetricsAreServed() {
		var metrics = new WebClient(port).get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void otherActuatorEndpointsAreClosed() {
		assertThat(new WebClient(port).get("/actuator/env").status()).isIn(401, 403, 404);
		assertThat(new WebClient(port).get("/actuator/heapdump").status()).isIn(401, 403, 404);
	}

	@Test
	void logsHoldNoPasswordsAndNoEmailAddresses(CapturedOutput output) {
		var email = Shoppers.uniqueEmail();
		var browser = new WebClient(port);
		browser.get("/register");
		browser.post("/register", Shoppers.registrationForm(email));
		browser.get("/register");
		browser.post("/register", Shoppers.registrationForm(email, "password", "short"));
		browser.logIn(email, Shoppers.PASSWORD);
		new WebClient(port).logIn(email, "a-wrong-password-1");
		new WebClient(port).logIn("unknown-" + email, Shoppers.PASSWORD);

		// GreenMail stands in for the shop's SMTP server and logs recipients: its lines
		// are not ours.
		var clienteleLogs = output.getAll()
			.lines()
			.filter(line -> !line.contains("c.icegreen.greenmail"))
			.collect(java.util.stream.Collectors.joining("\n"));

		assertThat(clienteleLogs).doesNotContain(email)
			.doesNotContain(email.substring(0, email.indexOf('@')))
			.doesNotContain(Shoppers.PASSWORD)
			.doesNotContain("a-wrong-password-1");
	}

}
