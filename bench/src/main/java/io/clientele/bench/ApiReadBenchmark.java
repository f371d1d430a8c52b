package io.clientele.bench;

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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.clientele.shared.Sha256;

/**
 * Reads at load (issue 16). Starts Clientele as an operator does (see {@link BenchNode}),
 * imports {@code bench.read.customers} customers, gives each three addresses and five
 * orders through the API, logs each in once for an access token, then measures, for every
 * client count in {@code bench.read.clients}: the authenticated reads {@code GET
 * /api/customers/{ref}}, its addresses, its orders and one order, each with the
 * customer's own token, and the anonymous storefront pages {@code GET /login} and
 * {@code GET /register}. For each: requests per second, p50 and p99, CPU per request, and
 * for the anonymous pages the session rows written per visit. Writes the table, with the
 * heap and pool the node ran with, to {@code bench/results/api-read.md}.
 */
public final class ApiReadBenchmark {

	private static final String PASSWORD = "Kettle-Blue-Harbour-Seven";

	private static final String CHECKOUT_SECRET = "bench-checkout-secret";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

	private static final Pattern OAUTH_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private static final String ADDRESS = """
			{"data":{"type":"addresses","attributes":{"salutation":"Mr","firstName":"Spencor","lastName":"Hopkin",
			 "address1":"Julie-Wolfthorn-Straße","address2":"%d","zipCode":"10115","city":"Berlin",
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

	private static final int ADDRESSES = 3;

	private static final int ORDERS = 5;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int customers;

	private final List<Integer> clients;

	private final Duration round;

	private final Path results;

	private final List<String> lines = new ArrayList<>();

	private String baseUrl = "";

	private String[] tokens = new String[0];

	private ApiReadBenchmark() {
		this.customers = Integer.parseInt(System.getProperty("bench.read.customers", "200").replace("_", ""));
		this.clients = Arrays.stream(System.getProperty("bench.read.clients", "16,32,64").split(","))
			.map(String::strip)
			.map(Integer::parseInt)
			.toList();
		this.round = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.read.seconds", "10")));
		this.results = Path.of(System.getProperty("bench.read.results", "bench/results/api-read.md"));
	}

	public static void main(String[] args) throws Exception {
		new ApiReadBenchmark().run();
	}

	private void run() throws Exception {
		try (var node = new BenchNode(List.of())) {
			importCustomers(node);
			node.start("--clientele.api.backoffice-clients.checkout=" + Sha256.hex(CHECKOUT_SECRET));
			baseUrl = node.baseUrl();
			seed();
			measure(node);
		}
		var report = String.join("\n", lines) + "\n";
		Files.createDirectories(results.toAbsolutePath().getParent());
		Files.writeString(results, report);
		System.out.println(report);
	}

	private void measure(BenchNode node) throws Exception {
		lines.add("# Reads at load");
		lines.add("");
		lines.add(String.format(Locale.ROOT,
				"%,d customers with %d addresses and %d orders each; node -Xmx512m, pool of %.0f connections,"
						+ " %d cores, %d s per round; JVM %s.",
				customers, ADDRESSES, ORDERS, node.metric("hikaricp_connections_max{"),
				Runtime.getRuntime().availableProcessors(), round.toSeconds(), System.getProperty("java.version")));
		lines.add("");
		lines.add("| clients | what | req/s | p50 ms | p99 ms | CPU ms/request | session rows per visit | answers |");
		lines.add("|---:|---|---:|---:|---:|---:|---:|---|");
		var reads = List.of(new Read("GET /api/customers/{ref}", false, n -> get(customerPath(n), n)),
				new Read("GET /api/customers/{ref}/addresses", false, n -> get(customerPath(n) + "/addresses", n)),
				new Read("GET /api/customers/{ref}/orders", false, n -> get(customerPath(n) + "/orders", n)),
				new Read("GET /api/orders/{orderReference}", false, n -> get("/api/orders/" + order(n), n)),
				new Read("GET /login (anonymous)", true, n -> get("/login", -1)),
				new Read("GET /register (anonymous)", true, n -> get("/register", -1)));
		for (var read : reads) {
			Load.round(node, 4, Duration.ofSeconds(3), List.of(200), read.request());
		}
		for (var count : clients) {
			for (var read : reads) {
				var sessionsBefore = node.execute("select count(*) from authentication_session");
				var result = Load.round(node, count, round, List.of(200), read.request());
				var sessions = node.execute("select count(*) from authentication_session") - sessionsBefore;
				var visits = result.answers().values().stream().mapToLong(Long::longValue).sum();
				lines.add(String.format(Locale.ROOT, "| %d | %s | %,.0f | %.1f | %.1f | %.2f | %s | %s |", count,
						read.name(), result.rate(), result.p50(), result.p99(), result.cpuMillisPerRequest(),
						read.anonymous() ? String.format(Locale.ROOT, "%.2f", (double) sessions / visits) : "",
						result.answersText()));
			}
		}
		lines.add("");
		lines.add(String.format(Locale.ROOT, "Node heap used at the end %.0f MiB, resident %d MiB.", node.heapUsedMiB(),
				node.residentMiB()));
	}

	record Read(String name, boolean anonymous, Load.Request request) {
	}

	private int get(String path, long customer) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
		if (customer >= 0) {
			request.header("Authorization", "Bearer " + tokens[(int) (customer % customers)]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String customerPath(long n) {
		return "/api/customers/" + reference(n % customers);
	}

	private String order(long n) {
		return "ARB-" + (n % customers) + "-" + (n / customers) % ORDERS;
	}

	private static String reference(long n) {
		return "ARB--" + n;
	}

	private static String email(long n) {
		return "read." + n + "@read-bench.example";
	}

	// --- the data

	private void importCustomers(BenchNode node) throws IOException, InterruptedException {
		var file = node.work().resolve("customers.csv");
		try (var out = Files.newBufferedWriter(file)) {
			out.write("customer_reference,locale_name,phone,email,salutation,first_name,last_name,company,gender,"
					+ "date_of_birth,password,registered\n");
			for (var n = 0; n < customers; n++) {
				out.write(reference(n) + ",en_US,," + email(n) + ",Ms,Ann,Lee,,Female,," + PASSWORD + ",2020-06-24\n");
			}
		}
		node.console("customer:import", file.toString(), "--plaintext-passwords");
	}

	/** A token per customer, their addresses and their orders. */
	private void seed() throws IOException, InterruptedException {
		tokens = new String[customers];
		for (var n = 0; n < customers; n++) {
			var body = """
					{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}"""
				.formatted(email(n), PASSWORD);
			tokens[n] = match(ACCESS_TOKEN, send("POST", "/api/access-tokens", null, body, 201));
			for (var a = 0; a < ADDRESSES; a++) {
				send("POST", "/api/customers/" + reference(n) + "/addresses", tokens[n], ADDRESS.formatted(a), 201);
			}
		}
		var basic = Base64.getEncoder()
			.encodeToString(("checkout:" + CHECKOUT_SECRET).getBytes(StandardCharsets.UTF_8));
		var answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		var checkout = match(OAUTH_TOKEN, answer.body());
		for (var n = 0; n < customers; n++) {
			for (var o = 0; o < ORDERS; o++) {
				var status = http
					.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/backoffice/orders/ARB-" + n + "-" + o))
						.header("Authorization", "Bearer " + checkout)
						.header("Content-Type", "application/vnd.api+json")
						.PUT(HttpRequest.BodyPublishers.ofString(ORDER.formatted(reference(n))))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (status.statusCode() / 100 != 2) {
					throw new IllegalStateException(
							"PUT an order answered " + status.statusCode() + ": " + status.body());
				}
			}
		}
	}

	private String send(String method, String path, String token, String body, int expected)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/vnd.api+json")
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + " (" + expected
					+ " expected): " + answer.body());
		}
		return answer.body();
	}

	private static String match(Pattern pattern, String body) {
		var matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no token in " + body);
		}
		return matcher.group(1);
	}

}
