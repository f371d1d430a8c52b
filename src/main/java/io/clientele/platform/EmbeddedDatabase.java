package io.clientele.platform;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL in use: one this process started (and stops), or the one a
 * running Clientele started in the same data directory (console commands beside the
 * server).
 */
final class EmbeddedDatabase implements AutoCloseable {

	private final @Nullable EmbeddedPostgres startedHere;

	private final int port;

	private final String password;

	EmbeddedDatabase(@Nullable EmbeddedPostgres startedHere, int port, String password) {
		this.startedHere = startedHere;
		this.port = port;
		this.password = password;
	}

	int port() {
		return port;
	}

	/**
	 * The password of its {@code postgres} role, from
	 * {@code <data-dir>/postgres.password}.
	 */
	String password() {
		return password;
	}

	@Override
	public void close() throws IOException {
		if (startedHere != null) {
			startedHere.close();
		}
	}

}
