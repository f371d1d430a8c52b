package io.clientele.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.FileSystemUtils;

import io.clientele.ClienteleApplication;

/**
 * Imports {@code bench.import-rows} rows of Spryker's customer.csv, every one with a PHP
 * bcrypt hash, into an empty embedded PostgreSQL with {@code customer:import} in a JVM of
 * at most 512 MB heap, imports the same file a second time (nothing changes), then
 * creates {@code bench.api-customers} customers one by one through
 * {@code POST /api/customers} into the imported database, prints both rates and their
 * ratio, and times the first and a later login of imported customers. Writes the table to
 * {@code bench/results/import.md}.
 */
public final class ImportBenchmark {

	// PHP's password_hash("rasmuslerdorf"): the import stores hashes without verifying
	// them, so one real hash for every row costs the import what different ones would.
	private static final String BCRYPT = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

	// customer:import's summary: "1,000,000 rows: 1,000,000 customers created,
	// 0 updated, 0 unchanged, 0 failed (46.1 s, 21,708 rows/s)"
	private static final Pattern SUMMARY = Pattern
		.compile("([0-9,]+) rows?: ([0-9,]+) \\S+ created, ([0-9,]+) updated, ([0-9,]+) unchanged, ([0-9,]+) failed"
				+ " \\(([0-9.]+) s, ([0-9,]+) rows/s\\)");

	private static final int LOGINS = 21;

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var rows = positiveInt("bench.import-rows", 1_000_000);
		var apiCustomers = positiveInt("bench.api-customers", 500);
		var base = Path.of(System.getProperty("bench.data-dir", ".bench-data")).resolve("import");
		FileSystemUtils.deleteRecursively(base);
		Files.createDirectories(base);
		var file = base.resolve("customer.csv");
		write(file, rows);
		System.out.printf(Locale.ROOT, "%,d rows written to %s (%,d MB)%n", rows, file, Files.size(file) >> 20);

		var first = importWithTheConsole(file, base.resolve("data"), rows, Summary::created, "created");
		var second = importWithTheConsole(file, base.resolve("data"), rows, Summary::unchanged, "unchanged");
		var api = throughTheApi(base.resolve("data"), apiCustomers);

		var table = new StringBuilder();
		table.append("| Run | Rows | Seconds | Rows per second |\n|---|---:|---:|---:|\n");
		table.append(String.format(Locale.ROOT, "| customer:import, empty database (-Xmx512m) | %,d | %.1f | %,.0f |%n",
				rows, first.seconds(), first.rate()));
		table.append(String.format(Locale.ROOT,
				"| customer:import, same file again (all unchanged) | %,d | %.1f | %,.0f |%n", rows, second.seconds(),
				second.rate()));
		table.append(String.format(Locale.ROOT, "| POST /api/customers one by one | %,d | %.1f | %,.1f |%n",
				apiCustomers, api.seconds(), api.rate()));
		table.append(String.format(Locale.ROOT, "%nThe import is %,.0f times as fast as the API.%n",
				first.rate() / api.rate()));
		table.append(String.format(Locale.ROOT,
				"%nLogin of an imported customer (POST /api/access-tokens, median of %d): first %.0f ms"
						+ " (bcrypt $2y$10$ verification + argon2id hash), later %.0f ms (argon2id verification).%n",
				LOGINS, api.firstLogin(), api.laterLogin()));
		System.out.println(table);
		var results = Path.of("bench/results");
		Files.createDirectories(results);
		Files.writeString(results.resolve("import.md"), table.toString());
	}

	// underscores allowed: 100_000
	private static int positiveInt(String name, int fallback) {
		var value = System.getProperty(name, "").strip();
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			var parsed = Integer.parseInt(value.replace("_", ""));
			if (parsed > 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
	}

	// milliseconds
	private static double logIn(HttpClient http, int port, int customer) throws Exception {
		var body = """
				{"data":{"type":"access-tokens","attributes":{"username":"customer.%d@example.com",
				 "password":"rasmuslerdorf"}}}""".formatted(customer);
		var started = System.nanoTime();
		var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/access-tokens"))
			.header("Content-Type", "application/vnd.api+json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		var millis = (System.nanoTime() - started) / 1e6;
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"POST /api/access-tokens answered " + response.statusCode() + ": " + response.body());
		}
		return millis;
	}

	private static double median(double[] values) {
		var sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static void write(Path file, int rows) throws IOException {
		try (var out = Files.newBufferedWriter(file)) {
			out.write("customer_reference,locale_name,phone,email,salutation,first_name,last_name,company,gender,"
					+ "date_of_birth,password,registered\n");
			var first = SampleData.FEMALE_FIRST_NAMES;
			var last = SampleData.LAST_NAMES;
			for (var n = 1; n <= rows; n++) {
				var firstName = first[n % first.length];
				var lastName = last[(n / first.length) % last.length];
				out.write("DE--" + n + "," + (n % 3 == 0 ? "de_DE" : "en_US") + ",+49 30 " + (1_000_000 + n) + ","
						+ "customer." + n + "@example.com," + (n % 2 == 0 ? "Mr" : "Ms") + "," + firstName + ","
						+ lastName + "," + (n % 5 == 0 ? "\"Company " + n + ", Ltd\"" : "") + ","
						+ (n % 2 == 0 ? "Male" : "Female") + "," + (1950 + n % 50) + "-0" + (1 + n % 9) + "-1" + (n % 9)
						+ "," + BCRYPT + ",2020-06-24\n");
			}
		}
	}

	/** The summary line of {@code customer:import}. */
	private record Summary(long rows, long created, long updated, long unchanged, long failed, double seconds,
			double rate) {

		static Summary of(MatchResult line) {
			return new Summary(count(line.group(1)), count(line.group(2)), count(line.group(3)), count(line.group(4)),
					count(line.group(5)), Double.parseDouble(line.group(6)), count(line.group(7)));
		}

		private static long count(String digits) {
			return Long.parseLong(digits.replace(",", ""));
		}

	}

	private record ThroughTheApi(double seconds, double rate, double firstLogin, double laterLogin) {
	}

	/**
	 * Runs {@code customer:import} in a JVM of its own and fails unless it exits with 0,
	 * no row failed and every one of the {@code rows} rows was {@code expected}
	 * ("created", "unchanged").
	 */
	private static Summary importWithTheConsole(Path file, Path dataDir, int rows, ToLongFunction<Summary> count,
			String expected) throws IOException, InterruptedException {
		var java = ProcessHandle.current().info().command().orElse("java");
		var command = new ArrayList<>(List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), ClienteleApplication.class.getName(), "customer:import",
				file.toString(), "--clientele.data-dir=" + dataDir));
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes());
		var exitCode = process.waitFor();
		System.out.println(output.strip());
		var line = SUMMARY.matcher(output);
		if (exitCode != 0) {
			throw new IllegalStateException(
					"customer:import exited with %d (0 expected):%n%s".formatted(exitCode, output));
		}
		if (!line.find()) {
			throw new IllegalStateException("customer:import printed no summary:\n" + output);
		}
		var summary = Summary.of(line);
		if (summary.failed() > 0 || count.applyAsLong(summary) != rows) {
			throw new IllegalStateException(
					"customer:import should have %s all %,d rows, none failed:%n%s".formatted(expected, rows, output));
		}
		return summary;
	}

	/**
	 * Creates customers one by one through the API in the imported database, then logs in
	 * as imported customers twice each.
	 */
	private static ThroughTheApi throughTheApi(Path dataDir, int customers) throws Exception {
		try (var app = new SpringApplicationBuilder(ClienteleApplication.class).run("--server.port=0",
				"--clientele.data-dir=" + dataDir, "--clientele.demo-data=false", "--logging.level.root=WARN",
				"--clientele.bootstrap-admin.password=Harbour-Kettle-Bench-41")) {
			var port = ((WebServerApplicationContext) app).getWebServer().getPort();
			var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			var started = System.nanoTime();
			for (var n = 1; n <= customers; n++) {
				var body = """
						{"data":{"type":"customers","attributes":{"salutation":"Ms","firstName":"Ann","lastName":"Lee",
						 "email":"api.%d@example.com","gender":"Female","password":"Kettle-Blue-Harbour-Seven",
						 "confirmPassword":"Kettle-Blue-Harbour-Seven","acceptedTerms":true}}}""".formatted(n);
				var response = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/customers"))
						.header("Content-Type", "application/vnd.api+json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 201) {
					throw new IllegalStateException(
							"POST /api/customers answered " + response.statusCode() + ": " + response.body());
				}
			}
			var seconds = (System.nanoTime() - started) / 1e9;
			var first = new double[LOGINS];
			var later = new double[LOGINS];
			for (var n = 1; n <= LOGINS; n++) {
				first[n - 1] = logIn(http, port, n);
				later[n - 1] = logIn(http, port, n);
			}
			return new ThroughTheApi(seconds, customers / seconds, median(first), median(later));
		}
	}

}
