package io.clientele.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Clientele as an operator runs it, for the load benchmarks: an embedded PostgreSQL of
 * the benchmark's own as the external database, console commands and one node, each
 * {@code java -Xmx512m -jar target/clientele.jar} in a process of its own. The benchmark
 * reads the node's and PostgreSQL's CPU time and the node's memory.
 */
final class BenchNode implements AutoCloseable {

	static final Path JAR = Path.of("target", "clientele.jar");

	private final EmbeddedPostgres postgres;

	private final Path work;

	private final List<String> arguments;

	private final Map<String, String> environment;

	private final HttpClient http = HttpClient.newHttpClient();

	private Process process;

	private String baseUrl = "";

	/**
	 * A new database in a new temporary directory; {@code arguments} go to every command
	 * and the node ({@code --clientele.credentials.argon2.*}, say).
	 */
	BenchNode(List<String> arguments) throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw -Pbench verify");
		}
		this.work = Files.createTempDirectory("clientele-bench");
		this.postgres = EmbeddedPostgres.builder().start();
		var all = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl(),
				"--spring.datasource.username=postgres", "--clientele.data-dir=" + work.resolve("data")));
		all.addAll(arguments);
		this.arguments = List.copyOf(all);
		var key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.environment = Map.of("CLIENTELE_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
	}

	Path work() {
		return work;
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	String baseUrl() {
		return baseUrl;
	}

	/**
	 * Runs a console command to its end and prints its output; fails unless it exits 0.
	 */
	void console(String... command) throws IOException, InterruptedException {
		var line = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", JAR.toString()));
		line.addAll(List.of(command));
		line.addAll(arguments);
		var builder = new ProcessBuilder(line).redirectErrorStream(true);
		builder.environment().putAll(environment);
		var console = builder.start();
		var output = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (console.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
		System.out.println(output.strip());
	}

	/** Starts the node with further arguments and waits until its health is UP. */
	void start(String... extra) throws IOException, InterruptedException {
		var port = freePort();
		var command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port,
				"--clientele.demo-data=false", "--logging.level.root=WARN"));
		command.addAll(arguments);
		command.addAll(List.of(extra));
		var log = work.resolve("node.log");
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		process = builder.start();
		baseUrl = "http://127.0.0.1:" + port;
		var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the node ended at start:\n" + Files.readString(log));
			}
			try {
				var health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the node was not ready within 2 minutes:\n" + Files.readString(log));
	}

	/** One statement on the database, for the benchmark's own book-keeping. */
	long execute(String sql) throws SQLException {
		try (var connection = DriverManager.getConnection(jdbcUrl()); var statement = connection.createStatement()) {
			if (statement.execute(sql)) {
				var result = statement.getResultSet();
				return result.next() ? result.getLong(1) : 0;
			}
			return statement.getUpdateCount();
		}
	}

	/** The node's and PostgreSQL's CPU time so far, in nanoseconds. */
	long cpuNanos() {
		var database = ProcessHandle.current()
			.descendants()
			.filter(p -> p.info().command().orElse("").contains("postgres"));
		return Stream.concat(Stream.of(process.toHandle()), database)
			.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
			.sum();
	}

	/** The sum of the node's Prometheus samples whose line starts so. */
	double metric(String prefix) throws IOException, InterruptedException {
		var metrics = http
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return metrics.lines()
			.filter(line -> line.startsWith(prefix))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	double heapUsedMiB() throws IOException, InterruptedException {
		return metric("jvm_memory_used_bytes{area=\"heap\"") / 1_048_576;
	}

	/** The node's resident memory (the JVM's process alone). */
	long residentMiB() throws IOException {
		return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))
			.stream()
			.filter(line -> line.startsWith("VmRSS:"))
			.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
			.findFirst()
			.orElse(-1);
	}

	@Override
	public void close() throws Exception {
		if (process != null) {
			process.destroy();
			process.waitFor();
		}
		postgres.close();
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
