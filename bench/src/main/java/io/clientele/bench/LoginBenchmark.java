package io.clientele.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import de.mkammerer.argon2.Argon2Factory;

/**
 * Logins at the hash limit (issue 16). Starts Clientele as an operator does
 * ({@code java -Xmx512m -jar target/clientele.jar}) on a PostgreSQL of its own, imports
 * {@code bench.login.customers} confirmed customers with {@code customer:import
 * --plaintext-passwords} (and some unconfirmed ones, and some with a PHP bcrypt hash),
 * then, for every number of clients in {@code bench.login.clients}, measures in turn:
 * <ul>
 * <li>the native argon2id rate alone, in this JVM, on as many threads as there are cores,
 * with the node's parameters: the limit every login figure is divided by;</li>
 * <li>successful logins on {@code POST /api/token} (password grant),
 * {@code POST /api/access-tokens} and the storefront form ({@code GET} and
 * {@code POST /login});</li>
 * <li>failed logins on {@code /api/access-tokens}: a wrong password, an unknown address,
 * an unconfirmed account, an imported bcrypt account with a wrong password;</li>
 * <li>refused attempts on locked accounts.</li>
 * </ul>
 * For each: attempts per second, the ratio to the native rate, p50 and p99, and the CPU
 * one attempt costs (the node's process and PostgreSQL's, from their CPU times). Then a
 * flood of {@code bench.login.flood-clients} clients shows what answers beyond the
 * hashing capacity, and the node's heap before and after. Writes the tables to
 * {@code bench/results/login.md}.
 */
public final class LoginBenchmark {

	private static final String PASSWORD = "Kettle-Blue-Harbour-Seven";

	// PHP's password_hash("rasmuslerdorf", PASSWORD_BCRYPT): imported as it is
	private static final String BCRYPT = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final AtomicLong unknown = new AtomicLong();

	private final List<String> lines = new ArrayList<>();

	private String baseUrl = "";

	private LoginBenchmark(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		new LoginBenchmark(Settings.fromSystemProperties()).run();
	}

	/** What a run measures, from {@code -Dbench.login.*}. */
	record Settings(int customers, int unconfirmed, int bcrypt, int locked, List<Integer> clients, Duration round,
			Duration warmUp, int floodClients, Duration flood, int memoryKib, int iterations, int parallelism,
			Path results) {

		static Settings fromSystemProperties() {
			var argon2 = System.getProperty("bench.login.argon2", "19456,2,1").split(",");
			if (argon2.length != 3) {
				throw new IllegalArgumentException(
						"bench.login.argon2 is m,t,p (KiB, iterations, lanes), e.g. 7168,5,1");
			}
			return new Settings(number("bench.login.customers", 1_000), 200, 200, 16,
					Arrays.stream(System.getProperty("bench.login.clients", "1,2,4,8,32").split(","))
						.map(String::strip)
						.map(Integer::parseInt)
						.toList(),
					Duration.ofSeconds(number("bench.login.seconds", 10)), Duration.ofSeconds(2),
					number("bench.login.flood-clients", 200),
					Duration.ofSeconds(number("bench.login.flood-seconds", 20)), Integer.parseInt(argon2[0].strip()),
					Integer.parseInt(argon2[1].strip()), Integer.parseInt(argon2[2].strip()),
					Path.of(System.getProperty("bench.login.results", "bench/results/login.md")));
		}

		private static int number(String name, int fallback) {
			var value = System.getProperty(name, "").strip().replace("_", "");
			var parsed = value.isEmpty() ? fallback : Integer.parseInt(value);
			if (parsed <= 0) {
				throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
			}
			return parsed;
		}

		List<String> argon2Arguments() {
			return List.of("--clientele.credentials.argon2.memory-kib=" + memoryKib,
					"--clientele.credentials.argon2.iterations=" + iterations,
					"--clientele.credentials.argon2.parallelism=" + parallelism);
		}

	}

	// --- the run

	private void run() throws Exception {
		try (var node = new BenchNode(settings.argon2Arguments())) {
			importCustomers(node);
			// every client of the benchmark comes from 127.0.0.1
			node.start("--clientele.authentication.lockout.client-max-failures=1000000000");
			baseUrl = node.baseUrl();
			measure(node);
		}
		var report = String.join("\n", lines) + "\n";
		Files.createDirectories(settings.results().toAbsolutePath().getParent());
		Files.writeString(settings.results(), report);
		System.out.println(report);
	}

	private void measure(BenchNode node) throws Exception {
		var cores = Runtime.getRuntime().availableProcessors();
		lines.add("# Logins at the hash limit");
		lines.add("");
		lines.add(String.format(Locale.ROOT,
				"%,d customers, argon2id m=%d t=%d p=%d, node -Xmx512m, %d cores, %s s per round; JVM %s.",
				settings.customers(), settings.memoryKib(), settings.iterations(), settings.parallelism(), cores,
				settings.round().toSeconds(), System.getProperty("java.version")));
		lines.add("");
		lines.add("The limit is the native argon2id rate on " + cores
				+ " threads in the benchmark's JVM, measured before each client count. CPU per attempt is the"
				+ " node's and PostgreSQL's CPU time over the round divided by its attempts.");
		lines.add("");
		lines.add("| clients | what | attempts/s | ÷ native | p50 ms | p99 ms | CPU ms/attempt | answers |");
		lines.add("|---:|---|---:|---:|---:|---:|---:|---|");
		var scenarios = scenarios();
		var ratios = new ArrayList<String>();
		// the JIT's first minute is not a shop's steady state
		for (var scenario : scenarios) {
			round(node, scenario, 2, settings.warmUp());
		}
		for (var clients : settings.clients()) {
			var limit = nativeRate(cores, Duration.ofSeconds(5));
			lines.add(String.format(Locale.ROOT, "| %d | native argon2id alone | %,.1f | 1.00 | | | | |", clients,
					limit));
			Map<String, Load.Result> results = new TreeMap<>();
			for (var scenario : scenarios) {
				if (scenario.name().startsWith("refused")) {
					lockAccounts();
				}
				else {
					resetCounters(node);
				}
				var result = round(node, scenario, clients, settings.round());
				results.put(scenario.name(), result);
				lines.add(String.format(Locale.ROOT, "| %d | %s | %,.1f | %.2f | %.1f | %.1f | %.2f | %s |", clients,
						scenario.name(), result.rate(), result.rate() / limit, result.p50(), result.p99(),
						result.cpuMillisPerRequest(), result.answersText()));
			}
			var success = results.get("success, /api/access-tokens").cpuMillisPerRequest();
			ratios.add(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %.3f |", clients,
					results.get("failure, wrong password").cpuMillisPerRequest() / success,
					results.get("failure, unknown address").cpuMillisPerRequest() / success,
					results.get("failure, unconfirmed account").cpuMillisPerRequest() / success,
					results.get("failure, imported bcrypt account").cpuMillisPerRequest() / success,
					results.get("refused, locked account").cpuMillisPerRequest() / success));
		}
		lines.add("");
		lines.add("CPU of one attempt ÷ CPU of one successful login on /api/access-tokens:");
		lines.add("");
		lines.add("| clients | wrong password | unknown address | unconfirmed | imported bcrypt | locked (refused) |");
		lines.add("|---:|---:|---:|---:|---:|---:|");
		lines.addAll(ratios);
		flood(node);
	}

	/** One kind of attempt and the answers that count for it. */
	record Scenario(String name, List<Integer> expected, Load.Request attempt) {
	}

	private List<Scenario> scenarios() {
		var customers = settings.customers();
		return List.of(
				new Scenario("success, /api/token", List.of(200), n -> token(confirmed(n % customers), PASSWORD)),
				new Scenario("success, /api/access-tokens", List.of(201),
						n -> accessToken(confirmed(n % customers), PASSWORD)),
				new Scenario("success, storefront form", List.of(302), n -> storefront(confirmed(n % customers))),
				new Scenario("failure, wrong password", List.of(401),
						n -> accessToken(confirmed(n % customers), PASSWORD + "-wrong")),
				new Scenario("failure, unknown address", List.of(401),
						n -> accessToken("nobody-" + unknown.incrementAndGet() + "@login-bench.example", PASSWORD)),
				new Scenario("failure, unconfirmed account", List.of(401),
						n -> accessToken(unconfirmed(n % settings.unconfirmed()), PASSWORD)),
				new Scenario("failure, imported bcrypt account", List.of(401),
						n -> accessToken(bcrypt(n % settings.bcrypt()), "not-rasmuslerdorf")),
				new Scenario("refused, locked account", List.of(429),
						n -> accessToken(locked(n % settings.locked()), PASSWORD)));
	}

	private static Load.Result round(BenchNode node, Scenario scenario, int clients, Duration duration)
			throws InterruptedException {
		return Load.round(node, clients, duration, scenario.expected(), scenario.attempt());
	}

	/**
	 * The native library alone: argon2id hashes per second on {@code threads} threads.
	 */
	private double nativeRate(int threads, Duration duration) throws InterruptedException {
		var argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
		var done = new LongAdder();
		var end = System.nanoTime() + duration.toNanos();
		var workers = new ArrayList<Thread>();
		var started = System.nanoTime();
		for (var i = 0; i < threads; i++) {
			workers.add(Thread.ofPlatform().start(() -> {
				while (System.nanoTime() < end) {
					argon2.hash(settings.iterations(), settings.memoryKib(), settings.parallelism(),
							PASSWORD.toCharArray());
					done.increment();
				}
			}));
		}
		for (var worker : workers) {
			worker.join();
		}
		return done.sum() / ((System.nanoTime() - started) / 1e9);
	}

	// --- the flood

	private void flood(BenchNode node) throws Exception {
		resetCounters(node);
		var heapBefore = node.heapUsedMiB();
		var residentBefore = node.residentMiB();
		var result = round(node, scenarios().get(1), settings.floodClients(), settings.flood());
		lines.add("");
		lines.add(String.format(Locale.ROOT,
				"Flood: %d clients on /api/access-tokens for %d s: %,.1f logins/s, p50 %.0f ms, p99 %.0f ms,"
						+ " answers %s; node heap used %.0f MiB before, %.0f MiB after; resident %d MiB before,"
						+ " %d MiB after.",
				settings.floodClients(), settings.flood().toSeconds(), result.rate(), result.p50(), result.p99(),
				result.answersText(), heapBefore, node.heapUsedMiB(), residentBefore, node.residentMiB()));
	}

	// --- the attempts

	private static String confirmed(long n) {
		return "login." + n + "@login-bench.example";
	}

	private static String unconfirmed(long n) {
		return "unconfirmed." + n + "@login-bench.example";
	}

	private static String bcrypt(long n) {
		return "bcrypt." + n + "@login-bench.example";
	}

	private static String locked(long n) {
		return "locked." + n + "@login-bench.example";
	}

	private int accessToken(String email, String password) throws IOException, InterruptedException {
		var body = """
				{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}""".formatted(email,
				password);
		return http
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/access-tokens"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/vnd.api+json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private int token(String email, String password) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/token"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("grant_type", "password", "username", email, "password", password))))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * A shopper's login: the page (its session cookie and CSRF token), then the form; 302
	 * to the account area is a success, 302 back to the login page a failure.
	 */
	private int storefront(String email) throws IOException, InterruptedException {
		var page = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/login")).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		var csrf = CSRF.matcher(page.body());
		if (page.statusCode() != 200 || !csrf.find()) {
			return page.statusCode() == 200 ? -1 : page.statusCode();
		}
		var cookies = String.join("; ",
				page.headers()
					.allValues("Set-Cookie")
					.stream()
					.map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
					.toList());
		var answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookies)
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("email", email, "password", PASSWORD, "_csrf", csrf.group(1)))))
			.build(), HttpResponse.BodyHandlers.discarding());
		var location = answer.headers().firstValue("Location").orElse("");
		return answer.statusCode() == 302 && location.contains("/login") ? 401 : answer.statusCode();
	}

	private static String form(Map<String, String> fields) {
		return String.join("&",
				fields.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.toList());
	}

	// --- the data

	/**
	 * The customers, through {@code customer:import} as an operator brings a shop's:
	 * confirmed ones and locked ones with a clear password (hashed with the node's
	 * argon2id parameters), unconfirmed ones (no registration date), imported bcrypt
	 * ones.
	 */
	private void importCustomers(BenchNode node) throws IOException, InterruptedException {
		var clear = node.work().resolve("clear.csv");
		var header = "customer_reference,locale_name,phone,email,salutation,first_name,last_name,company,gender,"
				+ "date_of_birth,password,registered\n";
		try (var out = Files.newBufferedWriter(clear)) {
			out.write(header);
			for (var n = 0; n < settings.customers(); n++) {
				out.write(row("LB--" + n, confirmed(n), PASSWORD, "2020-06-24"));
			}
			for (var n = 0; n < settings.unconfirmed(); n++) {
				out.write(row("LBU--" + n, unconfirmed(n), PASSWORD, ""));
			}
			for (var n = 0; n < settings.locked(); n++) {
				out.write(row("LBL--" + n, locked(n), PASSWORD, "2020-06-24"));
			}
		}
		node.console("customer:import", clear.toString(), "--plaintext-passwords");
		var hashed = node.work().resolve("bcrypt.csv");
		try (var out = Files.newBufferedWriter(hashed)) {
			out.write(header);
			for (var n = 0; n < settings.bcrypt(); n++) {
				out.write(row("LBB--" + n, bcrypt(n), BCRYPT, "2020-06-24"));
			}
		}
		node.console("customer:import", hashed.toString());
	}

	private static String row(String reference, String email, String password, String registered) {
		return reference + ",en_US,," + email + ",Ms,Ann,Lee,,Female,," + password + "," + registered + "\n";
	}

	/** Lifts every lockout counter, so that a round starts where the last one did. */
	private static void resetCounters(BenchNode node) throws SQLException {
		node.execute("delete from credentials_attempt_counter");
	}

	/** Wrong passwords until every locked account answers 429. */
	private void lockAccounts() throws Exception {
		for (var n = 0; n < settings.locked(); n++) {
			for (var attempt = 0; attempt < 20 && accessToken(locked(n), "wrong-" + attempt) != 429; attempt++) {
				// the next wrong password
			}
		}
	}

}
