package io.clientele.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One real Clientele process: {@code java -jar target/clientele.jar} on a port of its
 * own, on an external PostgreSQL, with its output in
 * {@code target/reliability/<name>.log} (appended to at every start). It can be killed as
 * {@code kill -9} does and started again on the same port.
 */
final class ClienteleNode implements AutoCloseable {

	static final Path JAR = Path.of("target", "clientele.jar");

	static final Path LOGS = Path.of("target", "reliability");

	/**
	 * The address of the shop in front of the nodes (a load balancer): the base of links
	 * in mails and the issuer of access tokens, which every node must share to accept the
	 * others' tokens. Tests reach each node on its own port.
	 */
	static final String PUBLIC_URL = "http://shop.reliability.example";

	private final String name;

	private final int port;

	private final List<String> arguments;

	private final Map<String, String> environment;

	private @Nullable Process process;

	private boolean started;

	/**
	 * A node named {@code name} on the database, sending mail to the SMTP port, with the
	 * shared secrets and further {@code --key=value} arguments.
	 */
	ClienteleNode(String name, Database database, int smtpPort, String... extraArguments) {
		this.name = name;
		this.port = freePort();
		var arguments = new ArrayList<>(List.of("--server.port=" + port, "--clientele.public-url=" + PUBLIC_URL,
				"--clientele.demo-data=false", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--clientele.bootstrap-admin.email=" + Secrets.ADMIN_EMAIL,
				"--clientele.bootstrap-admin.password=" + Secrets.ADMIN_PASSWORD));
		arguments.addAll(database.arguments(dataDirectory(name)));
		arguments.addAll(List.of(extraArguments));
		this.arguments = List.copyOf(arguments);
		this.environment = database.secrets().environment();
	}

	String name() {
		return name;
	}

	int port() {
		return port;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	Path log() {
		return LOGS.resolve(name + ".log");
	}

	/** Everything the node has written to its log, over all its starts. */
	String logText() {
		try {
			return Files.readString(log(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the process and waits until its health endpoint says UP. */
	ClienteleNode start() {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath()
					+ " is missing: the reliability tests run after package (./mvnw -Preliability verify)");
		}
		var command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-XX:+UseSerialGC", "-jar", JAR.toString()));
		command.addAll(arguments);
		try {
			Files.createDirectories(LOGS);
			var builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(started ? ProcessBuilder.Redirect.appendTo(log().toFile())
						: ProcessBuilder.Redirect.to(log().toFile()));
			builder.environment().putAll(environment);
			process = builder.start();
			started = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitUp(Duration.ofMinutes(3));
		return this;
	}

	/**
	 * Starts the nodes side by side, as a deployment does, and waits until all are UP.
	 */
	static void startAll(ClienteleNode... nodes) {
		var starting = java.util.Arrays.stream(nodes)
			.map(node -> java.util.concurrent.CompletableFuture.runAsync(node::start))
			.toArray(java.util.concurrent.CompletableFuture[]::new);
		java.util.concurrent.CompletableFuture.allOf(starting).join();
	}

	/** {@code kill -9}: the JVM ends at once, without closing anything. */
	void kill() {
		var current = process;
		if (current != null) {
			// on Linux, destroyForcibly sends SIGKILL
			current.destroyForcibly();
			waitFor(current);
			process = null;
		}
	}

	/** Kills the node and starts it again on the same port and database. */
	ClienteleNode restart() {
		kill();
		return start();
	}

	boolean isAlive() {
		var current = process;
		return current != null && current.isAlive();
	}

	/** Stops the node as an operator does ({@code SIGTERM}), waiting for it to end. */
	@Override
	public void close() {
		var current = process;
		if (current != null) {
			current.destroy();
			waitFor(current);
			process = null;
		}
	}

	private void awaitUp(Duration timeout) {
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var current = process;
			if (current == null || !current.isAlive()) {
				throw new IllegalStateException("Node " + name + " ended while starting; see " + log());
			}
			try {
				var health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// starting
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		throw new IllegalStateException("Node " + name + " not UP within " + timeout + "; see " + log());
	}

	private static void waitFor(Process process) {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The JDK running the tests. */
	static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static Path dataDirectory(String name) {
		try {
			return Files.createDirectories(LOGS.resolve("data").resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int freePort() {
		try (var socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The PostgreSQL every node of a test shares. */
	record Database(String jdbcUrl, String username, String password, Secrets secrets) {

		/**
		 * The test's embedded PostgreSQL, with the secrets of its nodes, new for each
		 * run.
		 */
		static Database on(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres) {
			return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", Secrets.generate());
		}

		List<String> arguments(Path dataDirectory) {
			return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
					"--spring.datasource.password=" + password, "--clientele.data-dir=" + dataDirectory);
		}

		/**
		 * Runs a console command ({@code customer:import FILE}) as an operator does, in a
		 * process of its own on this database; returns its exit code and output.
		 */
		ConsoleRun console(String... command) {
			var line = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-jar", JAR.toString()));
			line.addAll(List.of(command));
			line.addAll(arguments(dataDirectory("console")));
			try {
				var builder = new ProcessBuilder(line).redirectErrorStream(true);
				builder.environment().putAll(secrets.environment());
				var process = builder.start();
				var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				return new ConsoleRun(process.waitFor(), output);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	record ConsoleRun(int exitCode, String output) {
	}

	/**
	 * What every node of one test run shares through its environment, generated per run.
	 */
	record Secrets(String encryptionKey) {

		static final String ADMIN_EMAIL = "admin@reliability.example";

		static final String ADMIN_PASSWORD = "violet-lantern-orchard-3";

		static Secrets generate() {
			var key = new byte[32];
			new SecureRandom().nextBytes(key);
			return new Secrets(Base64.getEncoder().encodeToString(key));
		}

		Map<String, String> environment() {
			// Nodes sharing a database read each other's encrypted columns (the API
			// signing key the first node stored there, authenticator secrets): the
			// encryption key is all they must be given alike.
			return Map.of("CLIENTELE_ENCRYPTION_KEY", encryptionKey);
		}
	}

}
