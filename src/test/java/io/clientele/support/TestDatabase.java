package io.clientele.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per test JVM, shared by every Spring context of the suite.
 * Tests that start the application themselves (restart, external database) get their own.
 */
public final class TestDatabase {

	/**
	 * The suite's {@code clientele.encryption-key}: the external database needs one.
	 * Tests that start the application on an external database pass it too.
	 */
	public static final String ENCRYPTION_KEY = "q0bQ1Nq8tqBnPj0YJ2cWm0fP4m5d8Vh3nE1xk7sR2aY=";

	private static EmbeddedPostgres instance;

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl() {
		if (instance == null) {
			instance = start(false);
			// Stop PostgreSQL only after Spring has closed the test contexts that use it;
			// a JVM
			// shutdown hook of its own would race with theirs.
			SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
		}
		return instance.getJdbcUrl("postgres", "postgres");
	}

	private static synchronized void stop() {
		try {
			instance.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String dataDirectory;

	/**
	 * A directory for the files of the suite's Spring contexts (the API's signing key).
	 */
	public static synchronized String dataDirectory() {
		if (dataDirectory == null) {
			try {
				var directory = java.nio.file.Files.createTempDirectory("clientele-test-data");
				directory.toFile().deleteOnExit();
				dataDirectory = directory.toString();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return dataDirectory;
	}

	/** A new, empty PostgreSQL in a temporary directory, removed when the JVM exits. */
	public static EmbeddedPostgres start() {
		return start(true);
	}

	private static EmbeddedPostgres start(boolean stopWithTheJvm) {
		try {
			return EmbeddedPostgres.builder().setRegisterShutdownHook(stopWithTheJvm).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
