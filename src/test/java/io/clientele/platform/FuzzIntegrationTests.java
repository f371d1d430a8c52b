package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.clientele.credentials.SignUp;
import io.clientele.platform.MalformedRequests.Bearer;
import io.clientele.platform.MalformedRequests.Caller;
import io.clientele.platform.MalformedRequests.Csrf;
import io.clientele.platform.MalformedRequests.Known;
import io.clientele.platform.MalformedRequests.Request;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * Malformed requests to every endpoint and every form the application maps (read from its
 * handler mapping), over real HTTP, anonymous and with customer, staff and API sessions,
 * with valid, missing and wrong CSRF tokens: no answer is a server error, every refusal
 * (4xx) is in its path's error format (the API's Glue envelope, the pages' HTML page) and
 * leaves every row of the main tables as it was.
 * <p>
 * The normal suite sends {@value #DEFAULT_REQUESTS} requests; {@code ./mvnw -Preliability
 * test -Dtest=FuzzIntegrationTests} sends {@value #RELIABILITY_REQUESTS} with a new seed
 * each time. The seed is printed; {@code -Dclientele.fuzz.seed=…} repeats a run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FuzzIntegrationTests {

	static final int DEFAULT_REQUESTS = 2500;

	static final int RELIABILITY_REQUESTS = 10_000;

	/**
	 * The normal suite sends the same requests every time, so it fails only when the code
	 * changes; the reliability run draws a new seed each time to find new ones.
	 */
	static final long SUITE_SEED = 20261203L;

	/**
	 * Paths this long do not fit Tomcat's limit for the request line and headers
	 * ({@code server.max-http-request-header-size}, 8 KB): refused before anyone reads
	 * them.
	 */
	static final int BEYOND_THE_HEADER_LIMIT = 7_500;

	/** Requests per client address and set of sessions. */
	static final int BATCH = 250;

	/**
	 * The tables a refused request must leave alone: accounts, their data and their
	 * secrets. Counters of failures, the audit trail, sessions, mails and event
	 * publications change on refusals by design (a wrong password counts) and are left
	 * out.
	 */
	static final List<String> MAIN_TABLES = List.of("customer", "address_entry", "orderhistory_order", "groups_group",
			"groups_membership", "notes_note", "credentials_password", "credentials_password_history",
			"credentials_token", "staff_account", "multifactor_method", "multifactor_recovery_code", "passkeys_account",
			"passkeys_credential", "api_refresh_token");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private static final Pattern STACK_TRACE = Pattern.compile(
			"(?m)^\\s+at [\\w.$]+\\(|\\b(?:java|jakarta|org\\.springframework|org\\.apache|io\\.clientele|tools\\.jackson)"
					+ "\\.[\\w.$]*(?:Exception|Error)\\b|Whitelabel Error Page|Apache Tomcat/");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	SignUp signUp;

	@Autowired
	StaffAccounts staff;

	@Test
	void malformedRequestsToEveryEndpointGetNoServerErrorTheirPathsErrorFormatAndChangeNoRow() {
		fuzz(Integer.getInteger("clientele.fuzz.requests", DEFAULT_REQUESTS),
				Long.getLong("clientele.fuzz.seed", SUITE_SEED));
	}

	@Test
	@Tag("reliability")
	void tenThousandMalformedRequestsGetNoServerErrorTheirPathsErrorFormatAndChangeNoRow() {
		fuzz(Math.max(RELIABILITY_REQUESTS, Integer.getInteger("clientele.fuzz.requests", 0)),
				Long.getLong("clientele.fuzz.seed", System.nanoTime()));
	}

	@Test
	void theRowChecksumSeesAChangeOfAnyMainTable() {
		var before = checksum();
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var after = checksum();

		assertThat(after).as("a new customer changes the checksum").isNotEqualTo(before);
		jdbc.update("update customer set first_name = first_name || '' where email = ?", email);
		assertThat(checksum()).as("rewriting a row with the same values keeps it").isEqualTo(after);
		jdbc.update("update customer set first_name = 'Changed' where email = ?", email);
		assertThat(checksum()).as("one changed column of one row changes it").isNotEqualTo(after);
	}

	/**
	 * Sends the requests in batches, each from its own client address with new sessions.
	 * A batch goes twice: first as generated, each answer checked for its format; then
	 * its refused requests once more, between checksums of the main tables taken after
	 * every request, once the background work of the accepted ones (mails, reset tokens
	 * made after the answer) is done: nothing else runs then, so a changed checksum is
	 * the refused request's doing.
	 */
	private void fuzz(int requests, long seed) {
		var endpoints = Endpoints.of(mappings);
		assertThat(endpoints.all()).as("the endpoints found in the handler mapping").hasSizeGreaterThan(100);
		var examples = examples();
		System.out.println("Fuzz: " + requests + " requests to " + endpoints.all().size() + " endpoints, seed " + seed);
		var run = new Run();
		for (var first = 0; first < requests; first += BATCH) {
			var sessions = sessions();
			var generator = new MalformedRequests(seed + first, sessions.known());
			var refused = new ArrayList<Request>();
			for (var i = first; i < Math.min(requests, first + BATCH); i++) {
				var endpoint = endpoints.all().get(i % endpoints.all().size());
				var request = generator.next(endpoint, examples.getOrDefault(endpoint.toString(), ""));
				var answer = run.send(sessions, request);
				if (answer.status() >= 400 && answer.status() < 500) {
					refused.add(request);
				}
				else {
					run.accepted.add(endpoint.toString());
				}
			}
			var before = settledChecksum();
			for (var request : refused) {
				var answer = run.send(sessions, request);
				if (answer.status() >= 400 && answer.status() < 500) {
					var after = checksum();
					if (!after.equals(before)) {
						run.fail("a refused request changed rows: " + changedTables(before, after), request, answer);
					}
					before = after;
				}
				else {
					// refused at first, accepted now (a limit passed): its changes are
					// allowed
					before = settledChecksum();
				}
				run.replayed++;
			}
		}
		System.out.println("Fuzz: " + run.sent + " requests sent (" + run.replayed
				+ " of them refused ones again, between checksums), answers by status " + run.statuses);
		System.out.println(
				"Fuzz: endpoints that accepted something " + run.accepted.size() + " of " + endpoints.all().size());
		assertThat(run.failures).as("requests answered wrongly (seed " + seed + ")").isEmpty();
		assertThat(run.statuses.keySet()).as("the fuzz reached handlers and was refused")
			.anyMatch(status -> status < 400)
			.anyMatch(status -> status >= 400);
		assertThat(run.replayed).as("refused requests checked for changed rows").isPositive();
	}

	/** What a fuzz run sent and found. */
	private final class Run {

		final List<String> failures = new ArrayList<>();

		final Map<Integer, Integer> statuses = new TreeMap<>();

		final java.util.Set<String> accepted = new java.util.TreeSet<>();

		int sent;

		int replayed;

		Answer send(Sessions sessions, Request request) {
			var answer = FuzzIntegrationTests.this.send(sessions, request);
			sent++;
			statuses.merge(answer.status(), 1, Integer::sum);
			var problem = problem(request, answer);
			if (problem != null) {
				fail(problem, request, answer);
			}
			return answer;
		}

		void fail(String problem, Request request, Answer answer) {
			if (failures.size() < 40) {
				failures.add(problem + "\n    request: " + request + "\n    headers: " + request.headers() + " body: "
						+ (request.body() == null ? "none"
								: MalformedRequests
									.shorten(new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1)))
						+ "\n    answer: " + answer.status() + " " + answer.contentType() + " "
						+ MalformedRequests.shorten(answer.body()));
			}
		}

	}

	private String problem(Request request, Answer answer) {
		var problem = formatProblem(request, answer);
		if (problem != null && answer.status() == 400 && request.path().length() > BEYOND_THE_HEADER_LIMIT
				&& !STACK_TRACE.matcher(answer.body()).find()) {
			// Tomcat refused the request line before it knew the path: its plain page
			return null;
		}
		return problem;
	}

	private String formatProblem(Request request, Answer answer) {
		if (answer.status() >= 500) {
			return "server error";
		}
		if (STACK_TRACE.matcher(answer.body()).find()) {
			return "a stack trace or server internals in the answer";
		}
		if (answer.status() < 400 || request.method().equals("HEAD")) {
			return null;
		}
		if (request.endpoint().pattern().equals("/api/token") && answer.body().startsWith("{\"error\":\"")) {
			// an OAuth 2.0 endpoint: its errors are RFC 6749's (docs/api.md)
			return answer.contentType().startsWith("application/") ? null : "an OAuth error that is not JSON";
		}
		if (request.endpoint().api()) {
			if (!answer.contentType().startsWith(ApiClient.JSON_API)) {
				return "an API refusal that is not application/vnd.api+json";
			}
			try {
				var errors = json.readTree(answer.body()).get("errors");
				if (errors == null || !errors.isArray() || errors.isEmpty()
						|| errors.get(0).get("status").asInt() != answer.status()
						|| !errors.get(0).path("detail").isString()) {
					return "an API refusal outside Glue's error envelope";
				}
			}
			catch (RuntimeException ex) {
				return "an API refusal that is not JSON";
			}
			return null;
		}
		if (!answer.contentType().startsWith("text/html")
				|| !answer.body().toLowerCase(Locale.ROOT).contains("<html")) {
			return "a page refusal that is not an HTML page";
		}
		return null;
	}

	/** The documented example request of each API operation, by "METHOD path". */
	private Map<String, String> examples() {
		var examples = new TreeMap<String, String>();
		String document;
		try {
			document = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json"))
					.header("Accept", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		JsonNode paths = json.readTree(document).get("paths");
		for (var path : paths.propertyNames()) {
			for (var method : paths.get(path).propertyNames()) {
				paths.get(path)
					.get(method)
					.path("requestBody")
					.path("content")
					.forEach(content -> examples.put(method.toUpperCase(Locale.ROOT) + " " + path,
							content.path("example").asString("")));
			}
		}
		return examples;
	}

	/**
	 * The callers of one batch: a customer, a staff admin, an API token, from an address
	 * of their own.
	 */
	private record Sessions(InetAddress from, HttpClient http, String customerCookie, String customerCsrf,
			String staffCookie, String staffCsrf, String accessToken, Known known) {
	}

	private Sessions sessions() {
		var from = Shoppers.uniqueClientAddress();
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var victim = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var shopper = new WebClient(port, from);
		shopper.logIn(email, Shoppers.PASSWORD);
		var customerCookie = "SESSION=" + shopper.cookie("SESSION").orElseThrow();
		var admin = BackofficeLogins.signedInAdmin(port, staff);
		var staffCookie = "SESSION=" + admin.cookie("SESSION").orElseThrow();
		var token = new ApiClient(port, from).accessToken(email, Shoppers.PASSWORD);
		var http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.localAddress(from)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		var sessions = new Sessions(from, http, customerCookie, "", staffCookie, "", token,
				new Known(customer.reference().value(), email, victim.reference().value(), Shoppers.PASSWORD));
		return new Sessions(from, http, customerCookie, csrfOf(sessions, customerCookie, "/customer/profile"),
				staffCookie, csrfOf(sessions, staffCookie, "/backoffice/customers/new"), token, sessions.known());
	}

	private String csrfOf(Sessions sessions, String cookie, String page) {
		var answer = send(sessions,
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page)).header("Cookie", cookie).GET());
		var token = CSRF.matcher(answer.body());
		assertThat(token.find()).as("a CSRF token on " + page + " (" + answer.status() + ")").isTrue();
		return token.group(1);
	}

	private Answer send(Sessions sessions, Request request) {
		var csrf = request.caller() == Caller.CUSTOMER ? sessions.customerCsrf()
				: request.caller() == Caller.STAFF ? sessions.staffCsrf() : "";
		var token = request.csrf() == Csrf.VALID ? csrf : "forged-" + csrf.length();
		var body = request.body();
		var tokenInBody = !request.endpoint().api() && request.csrf() != Csrf.MISSING && request.csrfInBody()
				&& body != null
				&& request.headers().getOrDefault("Content-Type", "").startsWith(MalformedRequests.FORM);
		if (tokenInBody) {
			var field = (body.length == 0 ? "" : "&") + "_csrf=" + token;
			body = java.util.Arrays.copyOf(body, body.length + field.length());
			System.arraycopy(field.getBytes(StandardCharsets.US_ASCII), 0, body, request.body().length, field.length());
		}
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()));
		}
		catch (IllegalArgumentException notAUri) {
			// the generator made a path no HTTP client sends: send its segments encoded
			builder = HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + port + request.path().replaceAll("[^A-Za-z0-9/._~-]", "_")));
		}
		builder.timeout(Duration.ofSeconds(60))
			.method(request.method(),
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		request.headers().forEach(builder::header);
		var cookie = switch (request.caller()) {
			case ANONYMOUS -> null;
			case CUSTOMER -> sessions.customerCookie();
			case STAFF -> sessions.staffCookie();
		};
		if (cookie != null && !request.endpoint().api()) {
			builder.header("Cookie", cookie);
		}
		if (!request.endpoint().api() && request.csrf() != Csrf.MISSING && !tokenInBody) {
			builder.header("X-CSRF-TOKEN", token);
		}
		if (request.endpoint().api() && request.bearer() != Bearer.NONE) {
			builder.header("Authorization", request.bearer() == Bearer.VALID ? "Bearer " + sessions.accessToken()
					: "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");
		}
		return send(sessions, builder);
	}

	private Answer send(Sessions sessions, HttpRequest.Builder request) {
		try {
			var response = sessions.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					new String(response.body(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// the server closed the connection without an answer
			return new Answer(599, "", "no answer: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Answer(int status, String contentType, String body) {
	}

	/**
	 * The checksum once the events of accepted requests have been handled and their
	 * background work is done: unchanged over a quarter of a second.
	 */
	private String settledChecksum() {
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline && jdbc
			.queryForObject("select count(*) from event_publication where completion_date is null", Long.class) > 0) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		var settled = checksum();
		for (var tries = 0; tries < 40; tries++) {
			pause(250);
			var now = checksum();
			if (now.equals(settled)) {
				return now;
			}
			settled = now;
		}
		return settled;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One md5 per main table over all its rows, in one query. */
	String checksum() {
		var query = MAIN_TABLES.stream()
			.map(table -> "select '" + table
					+ "=' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '')" + " from " + table
					+ " t")
			.reduce((a, b) -> a + " union all " + b)
			.orElseThrow();
		return String.join(" ", jdbc.queryForList(query, String.class));
	}

	private static String changedTables(String before, String after) {
		var old = List.of(before.split(" "));
		return List.of(after.split(" ")).stream().filter(table -> !old.contains(table)).toList().toString();
	}

}
