package io.clientele.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per test JVM, shared by every Spring context of the suite.
 * Tests that start the application themselves (restart, external database) get their own.
 */
public final class TestDatabase {

	private static EmbeddedPostgres instance;

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl() {
		if (instance == null) {
			instance = start();
		}
		return instance.getJdbcUrl("postgres", "postgres");
	}

	/** A new, empty PostgreSQL in a temporary directory, removed when the JVM exits. */
	public static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
