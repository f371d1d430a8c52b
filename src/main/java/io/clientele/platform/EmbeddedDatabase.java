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

	EmbeddedDatabase(@Nullable EmbeddedPostgres startedHere, int port) {
		this.startedHere = startedHere;
		this.port = port;
	}

	int port() {
		return port;
	}

	@Override
	public void close() throws IOException {
		if (startedHere != null) {
			startedHere.close();
		}
	}

}
