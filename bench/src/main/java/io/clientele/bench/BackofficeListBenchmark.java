package io.clientele.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.clientele.ClienteleApplication;
import io.clientele.support.WebClient;

/**
 * Starts Clientele on a persistent embedded PostgreSQL, generates the customers when they
 * are missing, logs in to the back office and measures the customer list: the plain list,
 * searches by e-mail prefix, part of a name and reference, and sorted and filtered
 * variants. Prints a markdown table and writes it to {@code bench/results/latest.md}.
 * <p>
 * Times are round trips over 127.0.0.1 from sending the request to the last byte of the
 * page, one request at a time: an upper bound of the server's time.
 */
public final class BackofficeListBenchmark {

	private static final Pattern TOTAL = Pattern.compile("id=\"total\"[^>]*>([^<]*)<");

	private static final Pattern FIRST_NUMBER = Pattern.compile("[0-9][0-9,]*");

	private static final double TARGET_MS = 50;

	private final Settings settings;

	private BackofficeListBenchmark(Settings settings) {
		this.settings = settings;
	}

	/**
	 * @param customers how many generated customers the database should hold
	 * @param requests measured requests per scenario
	 * @param warmUp unmeasured requests per scenario before measuring
	 * @param maxSeconds the most time one scenario may take; fewer requests are measured
	 * then
	 * @param dataDir Clientele's data directory (the embedded PostgreSQL is in its
	 * {@code postgres} folder)
	 * @param results where the markdown table is written
	 * @param adminPassword the bootstrap admin's password
	 * @param reset whether to generate anew even when the data is there
	 * @param generateOnly whether to stop after making sure the data is there
	 */
	record Settings(long customers, int requests, int warmUp, int maxSeconds, Path dataDir, Path results,
			String adminPassword, boolean reset, boolean generateOnly) {

		static Settings fromSystemProperties() {
			return new Settings(longProperty("bench.customers", 1_000_000), (int) longProperty("bench.requests", 300),
					(int) longProperty("bench.warm-up", 30), (int) longProperty("bench.max-seconds", 60),
					Path.of(System.getProperty("bench.data-dir", ".bench-data")).toAbsolutePath().normalize(),
					Path.of(System.getProperty("bench.results", "bench/results/latest.md")),
					System.getProperty("bench.admin-password", "Lantern-Harbour-Quartz-71"),
					Boolean.getBoolean("bench.reset"), "generate".equals(System.getProperty("bench.only")));
		}

		private static long longProperty(String name, long fallback) {
			var value = System.getProperty(name, "");
			return value.isBlank() ? fallback : Long.parseLong(value.replace("_", ""));
		}

	}

	public static void main(String[] args) throws Exception {
		var settings = Settings.fromSystemProperties();
		int failures;
		try (var application = start(settings)) {
			failures = new BackofficeListBenchmark(settings).run(application);
		}
		System.exit(failures == 0 ? 0 : 1);
	}

	private static ConfigurableApplicationContext start(Settings settings) {
		System.out.printf("Starting Clientele with its data in %s%n", settings.dataDir());
		return new SpringApplicationBuilder(ClienteleApplication.class)
			.properties(Map.ofEntries(Map.entry("clientele.data-dir", settings.dataDir().toString()),
					Map.entry("clientele.demo-data", "false"),
					Map.entry("clientele.bootstrap-admin.password", settings.adminPassword()),
					Map.entry("server.port", "0"), Map.entry("server.address", "127.0.0.1"),
					Map.entry("spring.main.banner-mode", "off"), Map.entry("logging.level.root", "WARN"),
					Map.entry("logging.level.io.clientele.platform", "INFO"),
					// the benchmark's one client: no address limit on the single login
					Map.entry("clientele.authentication.lockout.client-max-failures", "1000000")))
			.run();
	}

	private int run(ConfigurableApplicationContext application) throws SQLException, IOException {
		var dataSource = application.getBean(DataSource.class);
		ensureData(dataSource);
		if (settings.generateOnly()) {
			return 0;
		}
		var terms = SearchTerms.drawFrom(dataSource, settings.requests() + settings.warmUp());
		var port = Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
		var client = new WebClient(port);
		logIn(client);
		var scenarios = scenarios(terms);
		System.out.printf("Warming up: %d requests per scenario%n", settings.warmUp());
		for (var scenario : scenarios) {
			// terms the measurement does not use
			measure(client, scenario, settings.requests(), settings.warmUp(), settings.maxSeconds());
		}
		var results = new ArrayList<Result>();
		for (var scenario : scenarios) {
			var result = measure(client, scenario, 0, settings.requests(), settings.maxSeconds());
			System.out.printf("  %-32s %4d requests  p50 %7.1f ms  p95 %7.1f ms%n", scenario.name(), result.count(),
					result.percentile(50), result.percentile(95));
			results.add(result);
		}
		var report = report(results, customerCount(dataSource));
		System.out.println();
		System.out.println(report);
		Files.createDirectories(settings.results().toAbsolutePath().getParent());
		Files.writeString(settings.results(), report);
		System.out.printf("Written to %s%n", settings.results());
		var failures = results.stream().mapToInt(Result::failures).sum();
		if (failures > 0) {
			System.err.printf("%d requests failed (not 200 or no table id=\"customers\")%n", failures);
		}
		return failures;
	}

	private void ensureData(DataSource dataSource) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			var present = CustomerDataGenerator.generatedCustomers(connection);
			if (present == settings.customers() && !settings.reset()) {
				System.out.printf("Reusing the %,d generated customers in %s%n", present, settings.dataDir());
				return;
			}
			if (present > 0) {
				System.out.printf("The database holds %,d generated customers; replacing them with %,d%n", present,
						settings.customers());
			}
			var generator = new CustomerDataGenerator(new CustomerDataGenerator.Settings(settings.customers(),
					(int) Settings.longProperty("bench.batch-size", 100_000),
					System.getProperty("bench.reference-prefix", "DE"), true), System.out::println);
			generator.generate(connection);
		}
	}

	private void logIn(WebClient client) {
		client.get("/backoffice/login");
		var answer = client.post("/backoffice/login",
				Map.of("email", "admin@clientele.local", "password", settings.adminPassword()));
		var location = answer.location().orElse("");
		if (answer.status() != 302 || location.contains("/backoffice/login")) {
			throw new IllegalStateException("Back-office login failed (" + answer.status() + " " + location
					+ "): is the admin's password in " + settings.dataDir() + " another than bench.admin-password?");
		}
	}

	private static List<Scenario> scenarios(SearchTerms terms) {
		return List.of(new Scenario("list", i -> ""), //
				new Scenario("list, pages 2-40", i -> "page=" + (1 + i % 39)),
				new Scenario("search: e-mail prefix", i -> "q=" + encode(terms.emailPrefix(i))),
				new Scenario("search: part of a last name", i -> "q=" + encode(terms.namePart(i))),
				new Scenario("search: reference", i -> "q=" + encode(terms.reference(i))),
				new Scenario("sort: last name asc", i -> "sort=lastName&dir=asc"),
				new Scenario("sort: e-mail desc, pages 1-20", i -> "sort=email&dir=desc&page=" + (i % 20)),
				new Scenario("filter: blocked", i -> "status=blocked"),
				new Scenario("filter: not registered", i -> "registered=no"),
				new Scenario("filter: group", i -> "group=" + terms.group(i)),
				new Scenario("filter: created in a month", i -> terms.createdRange(i)),
				new Scenario("search + filter + sort",
						i -> "q=" + encode(terms.namePart(i)) + "&status=confirmed&sort=firstName&dir=asc"));
	}

	private static Result measure(WebClient client, Scenario scenario, int first, int requests, int maxSeconds) {
		var millis = new ArrayList<Double>();
		var hits = new ArrayList<Long>();
		var failures = 0;
		var deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
		for (int i = 0; i < requests && System.nanoTime() < deadline; i++) {
			var query = scenario.query().apply(first + i);
			var path = "/backoffice/customers" + (query.isEmpty() ? "" : "?" + query);
			var started = System.nanoTime();
			var page = client.get(path);
			millis.add((System.nanoTime() - started) / 1e6);
			if (page.status() != 200 || !page.body().contains("id=\"customers\"")) {
				failures++;
				if (failures <= 3) {
					System.err.printf("%s: %d for %s%n", scenario.name(), page.status(), path);
				}
				continue;
			}
			var total = TOTAL.matcher(page.body());
			if (total.find()) {
				// "1,234 customers", or "More than 1,000 customers (...)" when not
				// counted further: kept negative
				var number = FIRST_NUMBER.matcher(total.group(1));
				if (number.find()) {
					var value = Long.parseLong(number.group().replace(",", ""));
					hits.add(total.group(1).startsWith("More than") ? -value : value);
				}
			}
		}
		return new Result(scenario, millis, hits, failures);
	}

	private String report(List<Result> results, long customers) {
		var out = new StringBuilder();
		out.append("# Back-office customer list: benchmark\n\n");
		out.append("- run: %s, commit %s%n".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), commit()));
		out.append("- data: %,d customers (%,d generated) in %s%n".formatted(customers, settings.customers(),
				settings.dataDir().getFileName()));
		out.append(
				"- machine: %d cores, Java %s, max heap %,d MiB%n".formatted(Runtime.getRuntime().availableProcessors(),
						Runtime.version(), Runtime.getRuntime().maxMemory() / 1024 / 1024));
		out.append("- method: one client, one request at a time, %d warm-up and up to %d measured requests per"
			.formatted(settings.warmUp(), settings.requests())
				+ " scenario (at most %d s each); round trip on 127.0.0.1 to the page's last byte%n"
					.formatted(settings.maxSeconds()));
		out.append("\n| Scenario | Example request | n | Hits (median) | p50 ms | p95 ms | p99 ms | max ms |");
		out.append(" p95 < 50 ms |\n");
		out.append("|---|---|--:|--:|--:|--:|--:|--:|:-:|\n");
		for (var result : results) {
			var example = result.scenario().query().apply(0);
			out.append("| %s | %s | %d | %s | %.1f | %.1f | %.1f | %.1f |".formatted(result.scenario().name(),
					example.isEmpty() ? "–" : "`?" + example + "`", result.count(), result.medianHits(),
					result.percentile(50), result.percentile(95), result.percentile(99), result.percentile(100)));
			out.append(result.failures() > 0 ? " %d failed |".formatted(result.failures())
					: result.percentile(95) < TARGET_MS ? " yes |" : " no |");
			out.append('\n');
		}
		return out.toString();
	}

	private static long customerCount(DataSource dataSource) throws SQLException {
		try (var connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var row = statement.executeQuery("select count(*) from customer")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static String commit() {
		try {
			var process = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true)
				.start();
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.waitFor() == 0 ? output : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A kind of request; the query of the i-th request. */
	record Scenario(String name, Function<Integer, String> query) {
	}

	/** The measured requests of one scenario. */
	record Result(Scenario scenario, List<Double> millis, List<Long> hits, int failures) {

		int count() {
			return millis.size();
		}

		double percentile(int p) {
			return percentile(millis, p);
		}

		// nearest rank
		static double percentile(List<Double> values, int p) {
			if (values.isEmpty()) {
				return Double.NaN;
			}
			var sorted = values.stream().sorted().toList();
			var rank = (int) Math.ceil(p / 100.0 * sorted.size());
			return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
		}

		String medianHits() {
			if (hits.isEmpty()) {
				return "–";
			}
			// more than N (negative) ranks above N
			var sorted = hits.stream().sorted(Comparator.comparingDouble(h -> h < 0 ? -h + 0.5 : h)).toList();
			var median = sorted.get(sorted.size() / 2);
			return median < 0 ? "> %,d".formatted(-median) : "%,d".formatted(median);
		}

	}

	/** Search terms drawn from the generated customers. */
	record SearchTerms(List<String> emailPrefixes, List<String> nameParts, List<String> references, List<String> groups,
			List<String> createdRanges) {

		static SearchTerms drawFrom(DataSource dataSource, int count) throws SQLException {
			var random = new Random(42);
			try (var connection = dataSource.getConnection()) {
				var emails = sample(connection, "email", count);
				var names = sample(connection, "last_name", count);
				var references = sample(connection, "customer_reference", count);
				var groups = column(connection, "select id::text from groups_group where name = any(array['"
						+ String.join("','", Arrays.stream(SampleData.GROUPS).map(group -> group[0]).toList()) + "'])");
				var range = column(connection,
						"select min(created_at)::date || ' ' || max(created_at)::date from customer where "
								+ CustomerDataGenerator.GENERATED)
					.get(0)
					.split(" ");
				var first = LocalDate.parse(range[0]);
				var days = Math.max(1, ChronoUnit.DAYS.between(first, LocalDate.parse(range[1])) - 30);
				return new SearchTerms(
						emails.stream()
							.map(email -> email.toLowerCase(Locale.ROOT)
								.substring(0, Math.min(email.length(), 5 + random.nextInt(2))))
							.toList(),
						names.stream().map(name -> namePart(name, random)).toList(), references, groups,
						random.ints(count, 0, (int) days).mapToObj(day -> {
							var from = first.plusDays(day);
							return "createdFrom=" + from + "&createdTo=" + from.plusDays(30);
						}).toList());
			}
		}

		// 3 to 5 letters from inside the name, lower case
		private static String namePart(String name, Random random) {
			// the longest word: "van Dijk" gives "dijk"
			var letters = Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
				.max(Comparator.comparingInt(String::length))
				.orElse("");
			if (letters.length() < 4) {
				return letters;
			}
			var length = 3 + random.nextInt(Math.min(3, letters.length() - 3));
			var start = 1 + random.nextInt(letters.length() - length);
			return letters.substring(start, start + length);
		}

		private static List<String> sample(Connection connection, String column, int count) throws SQLException {
			return column(connection, "select " + column + " from customer where " + CustomerDataGenerator.GENERATED
					+ " and anonymized_at is null order by random() limit " + count);
		}

		private static List<String> column(Connection connection, String sql) throws SQLException {
			var values = new ArrayList<String>();
			try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}

		String emailPrefix(int i) {
			return emailPrefixes.get(i % emailPrefixes.size());
		}

		String namePart(int i) {
			return nameParts.get(i % nameParts.size());
		}

		String reference(int i) {
			return references.get(i % references.size());
		}

		String group(int i) {
			return groups.get(i % groups.size());
		}

		String createdRange(int i) {
			return createdRanges.get(i % createdRanges.size());
		}

	}

}
