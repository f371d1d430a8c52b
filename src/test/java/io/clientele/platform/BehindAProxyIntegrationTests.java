package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;

/**
 * Clientele as a shop runs it: behind its own TLS-terminating proxy (here: every test
 * request comes from 127.0.0.1, the trusted proxy), reached by shoppers over https.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "clientele.public-url=https://shop.example", "clientele.http.trusted-proxies=127.0.0.1/32, ::1",
				"clientele.operations.metrics-allowed=10.0.0.0/8, fd00::/8" })
class BehindAProxyIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aNetworkAttackerCannotReadOrPlantTheSessionCookieOverPlainHttp() {
		var page = get("/login", null, null);

		assertThat(page.headers().allValues("Set-Cookie")).singleElement()
			.satisfies(cookie -> assertThat(cookie).startsWith("__Host-SESSION=")
				.contains("; Path=/")
				.contains("; Secure")
				.contains("; HttpOnly")
				.containsIgnoringCase("; SameSite=Lax")
				.doesNotContainIgnoringCase("Domain="));
	}

	@Test
	void aDowngradeToPlainHttpIsRefusedByTheBrowserOnEveryPathThanksToHsts() {
		for (var path : List.of("/login", "/backoffice/login", "/api/customers/DE--1", "/actuator/health",
				"/no-such-page")) {
			var answer = get(path, null, null);

			assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(path)
				.hasValue("max-age=31536000 ; includeSubDomains");
		}
	}

	@Test
	void theClientAddressIsTheOneTheTrustedProxyAddedNotOneTheClientWroteInFront() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);

		// the client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the address
		// it saw
		failLogin(email, "198.51.100.1, 203.0.113.7");
		// a chain of the shop's own proxies, on IPv6
		failLogin(email, "2001:db8::7, ::1, 127.0.0.1");

		assertThat(clientAddresses(customer.id().value())).containsExactly("203.0.113.7", "2001:db8::7");
	}

	@Test
	void metricsAreRefusedToAClientOutsideTheAllowedAddressesEvenThroughTheProxy() {
		assertThat(get("/actuator/prometheus", null, "203.0.113.7").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", null, null).statusCode()).as("the proxy itself is not allowed either")
			.isEqualTo(403);

		var allowed = get("/actuator/prometheus", null, "10.1.2.3");

		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.body()).contains("jvm_memory_used_bytes");
	}

	private void failLogin(String email, String forwardedFor) {
		var form = get("/login", null, forwardedFor);
		var cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		var token = CSRF.matcher(form.body());
		assertThat(token.find()).isTrue();
		var body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=a-wrong-password-9&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		var answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Cookie", cookie)
			.header("X-Forwarded-For", forwardedFor)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
	}

	private List<String> clientAddresses(java.util.UUID customer) {
		return jdbc
			.sql("select client_address from audit_entry where customer_id = ? and type = 'LOGIN_FAILED' order by id")
			.param(customer)
			.query(String.class)
			.list();
	}

	private HttpResponse<String> get(String path, String cookie, String forwardedFor) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return send(request.GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
