package io.clientele.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.clientele.shared.Sha256;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.TestDatabase;
import io.clientele.support.WebClient;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * The soak: a real Clientele process on its own PostgreSQL and SMTP server, and many
 * clients at once for minutes, mixing registration, confirmation, login, profile reads,
 * address writes, order reads, password resets and the back-office list, each client
 * pausing a little between requests as people do, the clients arriving over the first 30
 * s. Nothing may answer 5xx or time out, every registration answered 201 must have its
 * row and its mail, and the node's heap and connection pool must stay flat. The figures
 * go to {@code target/reliability/soak.md} (docs/reliability.md quotes the last run).
 *
 * <p>
 * {@code ./mvnw -Preliability verify -Dit.test=SoakReliabilityTests} runs 10 minutes at
 * 200 clients; {@code -Dsoak.duration=PT2M -Dsoak.clients=50} a shorter one.
 */
@Tag("reliability")
class SoakReliabilityTests {

	private static final Duration DURATION = Duration.parse(System.getProperty("soak.duration", "PT10M"));

	private static final int CLIENTS = Integer.getInteger("soak.clients", 200);

	private static final Duration RAMP_UP = Duration.ofSeconds(30);

	private static final String PASSWORD = "soak-harbour-kettle-77";

	private static final String CHECKOUT_SECRET = "soak-checkout-secret";

	private static final String DOMAIN = "soak.example";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

	private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Latencies in microseconds, by endpoint. */
	private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();

	/** Answers 5xx or no answer (time-out, connection refused), by endpoint. */
	private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();

	/** Addresses registered with 201, waiting for their confirmation. */
	private final ConcurrentLinkedQueue<String> unconfirmed = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();

	/** The newest confirmation key mailed to each address. */
	private final Map<String, String> confirmationKeys = new ConcurrentHashMap<>();

	private final List<String> samples = new ArrayList<>();

	@Test
	void manyClientsForMinutesGetNo5xxLoseNoRegistrationAndLeaveHeapAndPoolFlat(@TempDir Path files) throws Exception {
		try (var postgres = TestDatabase.start()) {
			var database = ClienteleNode.Database.on(postgres);
			var smtp = MailLoad.smtpServer();
			// every simulated client comes from 127.0.0.1: the per-address limits, which
			// would stop a real shop's single address, are lifted; the per-account ones
			// stay
			try (var node = new ClienteleNode("soak", database, smtp.getSmtp().getPort(),
					"--clientele.api.backoffice-clients.checkout=" + Sha256.hex(CHECKOUT_SECRET),
					"--clientele.registration.max-per-client=100000000",
					"--clientele.credentials.reset.max-requests-per-client=100000000",
					"--clientele.authentication.lockout.client-max-failures=100000000")) {
				node.start();
				var references = seedCustomers(database, files);
				seedOrders(node, references);
				var staff = new WebClient(node.port());
				BackofficeLogins.signIn(staff, ClienteleNode.Secrets.ADMIN_EMAIL, ClienteleNode.Secrets.ADMIN_PASSWORD);

				var mailIndex = new MailIndex(smtp);
				var started = System.nanoTime();
				var sampler = sampleEvery(node, Duration.ofSeconds(10), started);
				var end = System.nanoTime() + DURATION.toNanos();
				var done = new CountDownLatch(CLIENTS);
				for (var i = 0; i < CLIENTS; i++) {
					var customer = i % references.size();
					var client = new Thread(() -> {
						try {
							runClient(node, customer, references.get(customer), staff, end, mailIndex);
						}
						finally {
							done.countDown();
						}
					}, "soak-client-" + i);
					client.setDaemon(true);
					client.start();
					// clients arrive over the first 30 s, as a shop's do: 200 logins in
					// the
					// same instant are a flood (LoginFloodIntegrationTests), not a soak
					Thread.sleep(RAMP_UP.toMillis() / CLIENTS);
				}
				assertThat(done.await(DURATION.toMinutes() + 5, TimeUnit.MINUTES)).as("every client ends").isTrue();
				var ran = Duration.ofNanos(System.nanoTime() - started);
				sampler.interrupt();
				sampler.join();
				// the last row: once the clients have stopped, nobody waits for a
				// connection (a row taken under load may show waiters)
				Thread.sleep(2_000);
				sample(node, started);

				// every registration answered 201 has its row and its mail
				var jdbc = JdbcClient
					.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
				var queuedAtTheEnd = outbox(jdbc);
				var drained = awaitOutboxEmpty(jdbc);
				var outboxAfter = outbox(jdbc);
				mailIndex.refresh();
				var rows = jdbc.sql("select email from customer where email like ?")
					.param("new-%@" + DOMAIN)
					.query(String.class)
					.list();
				var missingRows = registered.stream().filter(email -> !rows.contains(email)).toList();
				var missingMails = registered.stream().filter(email -> !mailIndex.hasMailTo(email)).toList();
				var report = report(ran, rows.size(), missingRows.size(), missingMails.size())
						+ "\nOutbox when the clients stopped: " + queuedAtTheEnd + "; all sent " + drained.toSeconds()
						+ " s later: " + outboxAfter + "; mails received: " + mailIndex.received() + ".\n";
				Files.createDirectories(ClienteleNode.LOGS);
				Files.writeString(ClienteleNode.LOGS.resolve("soak.md"), report);
				System.out.println(report);

				assertThat(failures).as("answers 5xx or none at all: " + failureSamples.stream().limit(20).toList())
					.allSatisfy((endpoint, count) -> assertThat(count.get()).as(endpoint).isZero());
				assertThat(registered).as("registrations answered 201").isNotEmpty();
				assertThat(missingRows).as("registrations answered 201 without a row").isEmpty();
				assertThat(missingMails).as("registrations answered 201 without a mail").isEmpty();
				assertThat(node.logText()).as("the node's log holds no customer address").doesNotContain("@" + DOMAIN);
				assertFlat(samples);
				smtp.stop();
			}
		}
	}

	// --- the clients

	private void runClient(ClienteleNode node, int index, String reference, WebClient staff, long end,
			MailIndex mails) {
		var random = ThreadLocalRandom.current();
		var email = "customer-" + index + "@" + DOMAIN;
		var token = login(node, email);
		while (System.nanoTime() < end) {
			var dice = random.nextInt(100);
			if (dice < 16) {
				call(node, "GET /api/customers/{ref}", "GET", "/api/customers/" + reference, null, token);
			}
			else if (dice < 30) {
				var answer = call(node, "POST /api/customers/{ref}/addresses", "POST",
						"/api/customers/" + reference + "/addresses", ADDRESS, token);
				if (answer != null && answer.statusCode() == 201 && random.nextBoolean()) {
					var id = answer.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
					call(node, "DELETE /api/customers/{ref}/addresses/{id}", "DELETE",
							"/api/customers/" + reference + "/addresses/" + id, null, token);
				}
			}
			else if (dice < 46) {
				call(node, "GET /api/customers/{ref}/orders", "GET",
						"/api/customers/" + reference + "/orders?page[limit]=10", null, token);
			}
			else if (dice < 56) {
				staffList(node, staff, 1 + random.nextInt(5));
			}
			else if (dice < 66) {
				var renewed = login(node, email);
				token = renewed != null ? renewed : token;
			}
			else if (dice < 78) {
				register(node);
			}
			else if (dice < 90) {
				confirm(node, mails);
			}
			else {
				call(node, "POST /api/customer-forgotten-password", "POST", "/api/customer-forgotten-password",
						"{\"data\":{\"type\":\"customer-forgotten-password\",\"attributes\":{\"email\":\"" + email
								+ "\"}}}",
						null);
			}
			pause(random.nextLong(200, 800));
		}
	}

	private String login(ClienteleNode node, String email) {
		var answer = call(node, "POST /api/access-tokens", "POST", "/api/access-tokens",
				"{\"data\":{\"type\":\"access-tokens\",\"attributes\":{\"username\":\"" + email + "\",\"password\":\""
						+ PASSWORD + "\"}}}",
				null);
		if (answer == null || answer.statusCode() != 201) {
			return null;
		}
		var matcher = ACCESS_TOKEN.matcher(answer.body());
		return matcher.find() ? matcher.group(1) : null;
	}

	private void register(ClienteleNode node) {
		var email = "new-" + java.util.UUID.randomUUID().toString().substring(0, 18) + "@" + DOMAIN;
		var answer = call(node, "POST /api/customers", "POST", "/api/customers", """
				{"data":{"type":"customers","attributes":{"salutation":"Ms","firstName":"Sonia","lastName":"Wagner",
				 "email":"%s","gender":"Female","password":"%s","confirmPassword":"%s","acceptedTerms":true}}}"""
			.formatted(email, PASSWORD, PASSWORD), null);
		if (answer != null && answer.statusCode() == 201) {
			registered.add(email);
			unconfirmed.add(email);
		}
	}

	private void confirm(ClienteleNode node, MailIndex mails) {
		var email = unconfirmed.poll();
		if (email == null) {
			return;
		}
		var key = mails.confirmationKey(email);
		if (key == null) {
			// not mailed yet: a person would not have it either
			unconfirmed.add(email);
			return;
		}
		call(node, "POST /api/customer-confirmation", "POST", "/api/customer-confirmation",
				"{\"data\":{\"type\":\"customer-confirmation\",\"attributes\":{\"registrationKey\":\"" + key + "\"}}}",
				null);
	}

	private void staffList(ClienteleNode node, WebClient staff, int page) {
		var began = System.nanoTime();
		try {
			var answer = staff.get("/backoffice/customers?page=" + page);
			record("GET /backoffice/customers", began, answer.status(), answer.body());
		}
		catch (RuntimeException ex) {
			record("GET /backoffice/customers", began, -1, ex.toString());
		}
	}

	private HttpResponse<String> call(ClienteleNode node, String endpoint, String method, String path, String body,
			String token) {
		var request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/vnd.api+json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/vnd.api+json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		var began = System.nanoTime();
		try {
			var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			record(endpoint, began, answer.statusCode(), answer.body());
			return answer;
		}
		catch (IOException ex) {
			record(endpoint, began, -1, ex.toString());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private void record(String endpoint, long began, int status, String body) {
		latencies.computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>())
			.add((System.nanoTime() - began) / 1_000);
		var counter = failures.computeIfAbsent(endpoint, e -> new AtomicLong());
		if (status < 0 || status >= 500) {
			counter.incrementAndGet();
			failureSamples.add(endpoint + " " + status + " " + body.substring(0, Math.min(200, body.length())));
		}
	}

	// --- the data a shop already has

	private List<String> seedCustomers(ClienteleNode.Database database, Path files) throws IOException {
		var file = files.resolve("customers.csv");
		var references = new ArrayList<String>();
		try (var out = Files.newBufferedWriter(file)) {
			out.write("customer_reference,locale_name,phone,email,salutation,first_name,last_name,company,gender,"
					+ "date_of_birth,password,registered\n");
			for (var n = 0; n < CLIENTS; n++) {
				var reference = "SOAK--" + (n + 1);
				references.add(reference);
				out.write(reference + ",en_US,,customer-" + n + "@" + DOMAIN + ",Ms,Ann,Lee,,Female,," + PASSWORD
						+ ",2020-06-24\n");
			}
		}
		var run = database.console("customer:import", file.toString(), "--plaintext-passwords");
		assertThat(run.exitCode()).as(run.output()).isZero();
		return references;
	}

	private void seedOrders(ClienteleNode node, List<String> references) throws Exception {
		var basic = Base64.getEncoder()
			.encodeToString(("checkout:" + CHECKOUT_SECRET).getBytes(StandardCharsets.UTF_8));
		var tokenAnswer = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tokenAnswer.statusCode()).as(tokenAnswer.body()).isEqualTo(200);
		var checkout = tokenAnswer.body().replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
		for (var reference : references) {
			for (var n = 0; n < 3; n++) {
				var order = "SOAK-ORD-" + reference.substring(6) + "-" + n;
				var answer = http
					.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/backoffice/orders/" + order))
						.header("Authorization", "Bearer " + checkout)
						.header("Content-Type", "application/vnd.api+json")
						.PUT(HttpRequest.BodyPublishers.ofString(ORDER.formatted(reference)))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
			}
		}
	}

	private static final String ADDRESS = """
			{"data":{"type":"addresses","attributes":{"salutation":"Mr","firstName":"Spencor","lastName":"Hopkin",
			 "address1":"Third, 33, 11","address2":"b","address3":"aaa","zipCode":"12312","city":"Berlin",
			 "country":"Germany","iso2Code":"DE","phone":"22111-3-4-5","isDefaultShipping":false,"isDefaultBilling":false}}}""";

	private static final String ORDER = """
			{"data":{"type":"orders","attributes":{"customerReference":"%s","currencyIsoCode":"EUR","priceMode":"GROSS_MODE",
			 "state":"payment pending","createdAt":"2026-11-20T10:15:30Z",
			 "totals":{"subtotal":10500,"expenseTotal":490,"discountTotal":0,"taxTotal":1200,"grandTotal":10990},
			 "items":[{"sku":"066_23294028","name":"Samsung Galaxy S5","quantity":1,"unitPrice":10500,
			  "sumPrice":10500,"state":"payment pending"}],
			 "billingAddress":{"salutation":"Ms","firstName":"Sonia","lastName":"Wagner","address1":"Julie-Wolfthorn-Straße",
			  "address2":"1","zipCode":"10115","city":"Berlin","iso2Code":"DE"},
			 "paymentMethod":"invoice","shipmentMethod":"Standard"}}}""";

	// --- heap and pool over time

	private Thread sampleEvery(ClienteleNode node, Duration interval, long started) {
		var sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					sample(node, started);
					Thread.sleep(interval.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException ex) {
					synchronized (samples) {
						samples.add("| metrics unreachable: " + ex + " |");
					}
				}
			}
		}, "soak-sampler");
		sampler.setDaemon(true);
		sampler.start();
		return sampler;
	}

	private void sample(ClienteleNode node, long started) throws IOException, InterruptedException {
		var metrics = http
			.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		var seconds = (System.nanoTime() - started) / 1_000_000_000;
		synchronized (samples) {
			samples.add("| %d | %.0f | %.0f | %.0f | %.0f | %.0f |".formatted(seconds,
					sum(metrics, "jvm_memory_used_bytes{area=\"heap\"") / 1_048_576,
					sum(metrics, "hikaricp_connections_active{"), sum(metrics, "hikaricp_connections_pending{"),
					sum(metrics, "hikaricp_connections{"), sum(metrics, "jvm_threads_live_threads")));
		}
	}

	private static double sum(String metrics, String prefix) {
		return metrics.lines()
			.filter(line -> line.startsWith(prefix) || line.startsWith(prefix.replace("{", " ")))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/**
	 * Flat: the lowest heap of the last third (what survives a collection) is not much
	 * above that of the second third, and no connection is waited for once the clients
	 * have stopped (the last row).
	 */
	private static void assertFlat(List<String> samples) {
		var rows = samples.stream().filter(s -> s.matches("\\| \\d+ .*")).map(s -> s.split("\\|")).toList();
		assertThat(rows).as("metrics samples").hasSizeGreaterThan(5);
		var third = rows.size() / 3;
		var middle = rows.subList(third, 2 * third)
			.stream()
			.mapToDouble(r -> Double.parseDouble(r[2].trim()))
			.min()
			.orElseThrow();
		var last = rows.subList(2 * third, rows.size())
			.stream()
			.mapToDouble(r -> Double.parseDouble(r[2].trim()))
			.min()
			.orElseThrow();
		assertThat(last).as("lowest heap (MiB) of the last third against the middle third's " + middle)
			.isLessThanOrEqualTo(middle * 1.5 + 32);
		var pending = Double.parseDouble(rows.getLast()[4].trim());
		assertThat(pending).as("connections waited for at the end").isZero();
	}

	// --- the outcome

	/**
	 * Waits until every queued mail is sent (or 20 minutes passed); returns how long the
	 * outbox took to drain after the clients stopped.
	 */
	private Duration awaitOutboxEmpty(JdbcClient jdbc) {
		var started = System.nanoTime();
		var deadline = started + Duration.ofMinutes(20).toNanos();
		while (System.nanoTime() < deadline && !outbox(jdbc).keySet().stream().allMatch("SENT"::equals)) {
			pause(1000);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static Map<String, Long> outbox(JdbcClient jdbc) {
		return jdbc.sql("select status, count(*) from notification_outbox group by status")
			.query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private String report(Duration ran, int rows, int missingRows, int missingMails) {
		var out = new StringBuilder();
		out.append("# Soak: ").append(CLIENTS).append(" clients for ").append(ran.toSeconds()).append(" s\n\n");
		out.append("| endpoint | requests | 5xx or none | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
		var total = 0L;
		for (var endpoint : new java.util.TreeSet<>(latencies.keySet())) {
			var sorted = latencies.get(endpoint).stream().mapToLong(Long::longValue).sorted().toArray();
			total += sorted.length;
			out.append("| `%s` | %d | %d | %.1f | %.1f | %.1f |\n".formatted(endpoint, sorted.length,
					failures.get(endpoint).get(), sorted[sorted.length / 2] / 1000.0,
					sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0,
					sorted[sorted.length - 1] / 1000.0));
		}
		out.append("\n")
			.append(total)
			.append(" requests, ")
			.append("%.0f".formatted(total / (double) ran.toSeconds()))
			.append(" per second. Registrations answered 201: ")
			.append(registered.size())
			.append("; rows: ")
			.append(rows)
			.append("; without a row: ")
			.append(missingRows)
			.append("; without a mail: ")
			.append(missingMails)
			.append(".\n\n");
		out.append(
				"| s | heap used MiB | pool active | pool pending | pool size | threads |\n|---|---|---|---|---|---|\n");
		synchronized (samples) {
			samples.forEach(s -> out.append(s).append('\n'));
		}
		return out.toString();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The mails received so far, read once each: who got one, and the newest confirmation
	 * key per address.
	 */
	private final class MailIndex {

		private final GreenMail server;

		private int read;

		private final java.util.Set<String> recipients = ConcurrentHashMap.newKeySet();

		MailIndex(GreenMail server) {
			this.server = server;
		}

		synchronized void refresh() {
			var all = server.getReceivedMessages();
			for (var i = read; i < all.length; i++) {
				index(all[i]);
			}
			read = all.length;
		}

		String confirmationKey(String email) {
			var key = confirmationKeys.get(email);
			if (key == null) {
				refresh();
				key = confirmationKeys.get(email);
			}
			return key;
		}

		synchronized int received() {
			return read;
		}

		boolean hasMailTo(String email) {
			return recipients.contains(email);
		}

		private void index(MimeMessage mail) {
			try {
				var to = mail.getRecipients(Message.RecipientType.TO);
				if (to == null) {
					return;
				}
				for (var address : to) {
					var email = ((jakarta.mail.internet.InternetAddress) address).getAddress();
					recipients.add(email);
					if (mail.getSubject().contains("confirm")) {
						var matcher = LINK_TOKEN
							.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
						if (matcher.find()) {
							confirmationKeys.put(email, matcher.group(1));
						}
					}
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
