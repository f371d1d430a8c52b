package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.CuttableTcpProxy;
import io.clientele.support.Shoppers;
import io.clientele.support.TestDatabase;
import io.clientele.support.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 15, test 4: PostgreSQL goes away under load and comes back. The application's own
 * PostgreSQL sits behind a TCP proxy that the test cuts (every connection closed, new
 * ones refused, as while the database restarts) and restores, without restarting the
 * application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIntegrationTests {

	static final Duration NO_REQUEST_WAITS_LONGER = Duration.ofSeconds(10);

	static final String GLUE_UNAVAILABLE = "{\"errors\":[{\"status\":503,\"detail\":"
			+ "\"The service is briefly unavailable. Please try again in a moment.\"}]}";

	static final EmbeddedPostgres database = TestDatabase.start();

	// open until the JVM ends: the context closes after this class and still needs it
	static final CuttableTcpProxy network = new CuttableTcpProxy(database.getPort());

	@DynamicPropertySource
	static void databaseBehindTheProxy(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + network.port() + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	TaskScheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiredSessions expiredSessions;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aDatabaseOutageIsAnsweredWithAClear503WithinTenSecondsAndTheNodeRecoversByItself(CapturedOutput output)
			throws Exception {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var shopper = new WebClient(port);
		assertThat(shopper.logIn(email, Shoppers.PASSWORD).status()).isEqualTo(302);
		var session = "SESSION=" + shopper.cookie("SESSION").orElseThrow();
		var normalPage = call(page("/login", "en"));
		var normalApiError = call(api("/api/no-such-resource", null));
		assertThat(normalPage.status()).isEqualTo(200);

		// a scheduled task that needs the database, as the purges do, every 200 ms
		var everyTick = scheduler.scheduleAtFixedRate(() -> jdbc.sql("select 1").query(Integer.class).single(),
				Duration.ofMillis(200));

		network.cut();
		// the clean-up of expired sessions runs at each minute's start: it comes during
		// an outage sooner or later, and must not log a stack trace then
		var sessionsCleanUp = scheduler.schedule(expiredSessions::delete, java.time.Instant.now());
		slowest = Duration.ZERO;
		var duringTheOutage = underLoad(List.of(page("/login", "en-US,en;q=0.9"), page("/login", "de-DE,de;q=0.9"),
				withCookie(page("/customer/overview", "en"), session), page("/backoffice/login", "en"),
				api("/api/access-tokens", accessTokenRequest(email)), get("/actuator/health"),
				page("/no-such-page", "en")));

		assertThat(duringTheOutage).allSatisfy(answer -> {
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.elapsed()).isLessThan(NO_REQUEST_WAITS_LONGER);
		});
		assertThat(duringTheOutage.subList(0, 5))
			.allSatisfy(answer -> assertThat(answer.header("Retry-After")).isEqualTo("10"));
		var english = duringTheOutage.get(0);
		assertThat(english.body()).contains("We are back in a moment")
			.contains("Please try again in a few seconds.")
			.doesNotContain("_csrf")
			.doesNotContain("Log in");
		assertThat(english.header("Content-Type")).startsWith("text/html");
		for (var header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
				"Referrer-Policy", "Cache-Control")) {
			assertThat(english.header(header)).as(header).isEqualTo(normalPage.header(header));
		}
		assertThat(duringTheOutage.get(1).body()).contains("Wir sind gleich wieder da");
		assertThat(duringTheOutage.get(2).body()).contains("We are back in a moment");
		assertThat(duringTheOutage.get(3).body()).contains("We are back in a moment");
		var apiAnswer = duringTheOutage.get(4);
		assertThat(apiAnswer.header("Content-Type")).startsWith("application/vnd.api+json");
		assertThat(apiAnswer.body()).isEqualTo(GLUE_UNAVAILABLE);
		for (var header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")) {
			assertThat(apiAnswer.header(header)).as(header).isEqualTo(normalApiError.header(header));
		}
		assertThat(duringTheOutage.get(5).body()).contains("\"db\":{\"status\":\"DOWN\"}");
		// the error page of another failure needs the session as well
		assertThat(duringTheOutage.get(6).body()).contains("We are back in a moment");
		// a node without its database is not dead: no restart, and it keeps answering
		assertThat(call(get("/actuator/health/liveness")).status()).isEqualTo(200);

		everyTick.cancel(false);
		assertThat(sessionsCleanUp.isDone()).as("the session clean-up ran during the outage").isTrue();
		assertThat(Thread.getAllStackTraces().keySet()).as("Spring Session's own scheduler is off")
			.noneMatch(thread -> thread.getName().startsWith("spring-session-"));
		var slowestDuringTheOutage = slowest.toMillis() + " ms (" + slowestRequest + ")";
		network.restore();
		var restored = System.nanoTime();
		var health = waitForHealth();
		System.out.printf("Database outage: slowest answer %s; healthy again %d ms after the database%n",
				slowestDuringTheOutage, Duration.ofNanos(System.nanoTime() - restored).toMillis());

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"}");
		var overview = call(withCookie(page("/customer/overview", "en"), session));
		assertThat(overview.status()).as("the session outlived the outage").isEqualTo(200);
		assertThat(call(page("/login", "en")).status()).isEqualTo(200);
		assertThat(call(api("/api/access-tokens", accessTokenRequest(email))).status()).isEqualTo(201);
		var logs = output.getAll();
		assertThat(logs.split("PostgreSQL is unreachable", -1)).as("one line per outage").hasSize(2);
		assertThat(logs).contains("PostgreSQL is reachable again")
			.doesNotContain("Servlet.service()")
			.doesNotContain("Unexpected error occurred in scheduled task")
			.doesNotContain("Mail dispatch stopped")
			.doesNotContain("DataSource health check failed")
			.doesNotContain("Exception processing template");
		assertThat(logs.split("Mail dispatch paused", -1).length).isLessThanOrEqualTo(2);
	}

	private Duration slowest = Duration.ZERO;

	private String slowestRequest = "";

	// every request three times at once, as many shoppers would send them
	private List<Answer> underLoad(List<HttpRequest> requests) throws Exception {
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			var answers = new ArrayList<Future<Answer>>();
			for (var request : requests) {
				answers.add(executor.submit(() -> call(request)));
			}
			var crowd = new ArrayList<Future<Answer>>();
			for (int i = 0; i < 2; i++) {
				for (var request : requests) {
					crowd.add(executor.submit((Callable<Answer>) () -> call(request)));
				}
			}
			var result = new ArrayList<Answer>();
			for (var answer : answers) {
				result.add(answer.get());
			}
			for (var answer : crowd) {
				var other = answer.get();
				assertThat(other.status()).isEqualTo(503);
				assertThat(other.elapsed()).isLessThan(NO_REQUEST_WAITS_LONGER);
			}
			return result;
		}
	}

	private Answer waitForHealth() throws InterruptedException {
		var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			var health = call(get("/actuator/health"));
			if (health.status() == 200 || System.nanoTime() > deadline) {
				return health;
			}
			Thread.sleep(250);
		}
	}

	private static String accessTokenRequest(String email) {
		return "{\"data\":{\"type\":\"access-tokens\",\"attributes\":{\"username\":\"" + email + "\",\"password\":\""
				+ Shoppers.PASSWORD + "\"}}}";
	}

	private HttpRequest get(String path) {
		return request(path).GET().build();
	}

	private HttpRequest page(String path, String language) {
		return request(path).header("Accept", "text/html").header("Accept-Language", language).GET().build();
	}

	private HttpRequest withCookie(HttpRequest request, String cookie) {
		return HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookie).build();
	}

	private HttpRequest api(String path, String body) {
		var request = request(path).header("Accept", "application/vnd.api+json")
			.header("Content-Type", "application/vnd.api+json");
		return body == null ? request.GET().build()
				: request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
	}

	private HttpRequest.Builder request(String path) {
		// a request that takes longer fails the test instead of hanging it
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(NO_REQUEST_WAITS_LONGER.plusSeconds(5));
	}

	private Answer call(HttpRequest request) {
		var start = System.nanoTime();
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			var elapsed = Duration.ofNanos(System.nanoTime() - start);
			synchronized (this) {
				if (elapsed.compareTo(slowest) > 0) {
					slowest = elapsed;
					slowestRequest = request.method() + " " + request.uri().getPath();
				}
			}
			return new Answer(response.statusCode(), response.body(), response.headers().map(), elapsed);
		}
		catch (HttpTimeoutException ex) {
			throw new AssertionError(request.uri() + " hung for " + NO_REQUEST_WAITS_LONGER.plusSeconds(5), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String body, Map<String, List<String>> headers, Duration elapsed) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

}
