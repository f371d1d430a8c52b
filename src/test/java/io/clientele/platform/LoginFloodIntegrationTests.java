package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.support.ApiClient;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * A login flood beyond what the node can hash: with one hashing slot and a short wait,
 * many logins at once on the storefront, the back office and the API. Every answer is the
 * login's own or a fast 503 with {@code Retry-After}, never an error page, a 500 or a
 * wait longer than the hashing wait and a hash.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"clientele.credentials.hashing.max-concurrent=1", "clientele.credentials.hashing.max-wait=100ms" })
class LoginFloodIntegrationTests {

	private static final int CLIENTS = 24;

	@LocalServerPort
	int port;

	record Answer(String surface, int status, String retryAfter, String body) {
	}

	@Test
	void aLoginFloodBeyondTheHashingCapacityGetsFast503sWithRetryAfterOnEverySurface() throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(CLIENTS * 3);
		var answers = new ArrayList<Future<Answer>>();
		for (var i = 0; i < CLIENTS; i++) {
			answers.add(pool.submit(storefront(start)));
			answers.add(pool.submit(backoffice(start)));
			answers.add(pool.submit(api(start)));
		}
		start.countDown();
		var all = new ArrayList<Answer>();
		for (var answer : answers) {
			all.add(answer.get());
		}
		pool.shutdown();

		for (var surface : List.of("storefront", "backoffice", "api")) {
			var ofSurface = all.stream().filter(a -> a.surface().equals(surface)).toList();
			assertThat(ofSurface).as(surface + ": some logins find every slot taken")
				.anySatisfy(a -> assertThat(a.status()).isEqualTo(503));
			assertThat(ofSurface).as(surface + ": each answer is the login's own or 503")
				.allSatisfy(a -> assertThat(a.status())
					.isIn(surface.equals("api") ? List.of(401, 503) : List.of(302, 503)));
		}
		assertThat(all).filteredOn(a -> a.status() == 503)
			.allSatisfy(a -> assertThat(a.retryAfter()).as(a.surface()).isEqualTo("1"))
			.allSatisfy(a -> assertThat(a.body()).as(a.surface()).doesNotContain("Exception").doesNotContain("at io."));
		assertThat(all).filteredOn(a -> a.surface().equals("storefront") && a.status() == 503)
			.allSatisfy(a -> assertThat(a.body()).contains("Very busy right now"));
		assertThat(all).filteredOn(a -> a.surface().equals("backoffice") && a.status() == 503)
			.allSatisfy(a -> assertThat(a.body()).contains("Very busy right now"));
		assertThat(all).filteredOn(a -> a.surface().equals("api") && a.status() == 503)
			.allSatisfy(a -> assertThat(a.body()).contains("\"status\":503"));
	}

	private Callable<Answer> storefront(CountDownLatch start) {
		return () -> {
			var browser = new WebClient(port);
			browser.get("/login");
			start.await();
			var page = browser.post("/login",
					java.util.Map.of("email", Shoppers.uniqueEmail(), "password", "flood-guess-" + System.nanoTime()));
			return new Answer("storefront", page.status(), page.header("Retry-After").orElse(""), page.body());
		};
	}

	private Callable<Answer> backoffice(CountDownLatch start) {
		return () -> {
			var browser = new WebClient(port);
			browser.get("/backoffice/login");
			start.await();
			var page = browser.post("/backoffice/login", java.util.Map.of("email",
					"flood-" + System.nanoTime() + "@clientele.example", "password", BackofficeLogins.PASSWORD));
			return new Answer("backoffice", page.status(), page.header("Retry-After").orElse(""), page.body());
		};
	}

	private Callable<Answer> api(CountDownLatch start) {
		return () -> {
			var client = new ApiClient(port);
			start.await();
			var answer = client.post("/api/access-tokens", """
					{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"flood-guess"}}}
					""".formatted(Shoppers.uniqueEmail()), null);
			return new Answer("api", answer.status(), answer.header("Retry-After").orElse(""), answer.body());
		};
	}

}
