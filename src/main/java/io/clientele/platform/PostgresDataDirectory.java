package io.clientele.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.clientele.shared.ConfigurationProblem;

/**
 * The embedded PostgreSQL's data directory, made ready for a new start: a PostgreSQL left
 * running by a Clientele that was killed is stopped, and a directory in use by a running
 * Clientele is refused with a clear message.
 */
final class PostgresDataDirectory {

	// zonky's lock file, held by the JVM that runs the embedded PostgreSQL
	private static final String LOCK_FILE = "epg-lock";

	private static final Logger log = LoggerFactory.getLogger(PostgresDataDirectory.class);

	private final Path directory;

	PostgresDataDirectory(Path directory) {
		this.directory = directory;
	}

	void reclaim() throws IOException {
		Files.createDirectories(directory);
		if (heldByARunningClientele()) {
			throw new ConfigurationProblem("Another Clientele is running with its data in " + directory + ".",
					"Stop the other Clientele first, or start this one with another --clientele.data-dir.");
		}
		orphanedPostmaster().ifPresent(this::stop);
	}

	/**
	 * The port of the PostgreSQL that a running Clientele started in this directory, if
	 * one runs.
	 */
	OptionalInt portOfARunningClientele() throws IOException {
		if (!Files.isDirectory(directory) || !heldByARunningClientele()) {
			return OptionalInt.empty();
		}
		var pidFile = directory.resolve("postmaster.pid");
		// postmaster.pid: pid, data directory, start time, port, ...
		var lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.<String>of();
		if (lines.size() < 4 || !lines.get(3).strip().matches("\\d{1,5}")) {
			throw new ConfigurationProblem(
					"A Clientele is running with its data in " + directory
							+ ", but its PostgreSQL has not started yet.",
					"Wait until the server is up, then try again.");
		}
		return OptionalInt.of(Integer.parseInt(lines.get(3).strip()));
	}

	private boolean heldByARunningClientele() throws IOException {
		var lockFile = directory.resolve(LOCK_FILE);
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); var lock = channel.tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	private Optional<ProcessHandle> orphanedPostmaster() throws IOException {
		var pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		var lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
	}

	private void stop(ProcessHandle postmaster) {
		log.warn("Stopping the embedded PostgreSQL (pid {}) left running by a Clientele that did not shut down",
				postmaster.pid());
		// SIGTERM: PostgreSQL's smart shutdown; its clients died with the JVM that was
		// killed.
		postmaster.destroy();
		try {
			postmaster.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			postmaster.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
