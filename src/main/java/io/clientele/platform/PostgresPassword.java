package io.clientele.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The embedded PostgreSQL's password: generated on the first start, kept in
 * {@code <data-dir>/postgres.password} readable by its owner only (created so, never
 * widened afterwards), and required of every connection: {@code pg_hba.conf} allows
 * SCRAM-SHA-256 only, over TCP and the Unix socket alike, so another local user or
 * process cannot connect without it. A data directory of an older Clientele (trust
 * authentication, no password) gets one on its next start.
 */
final class PostgresPassword {

	static final String HBA = """
			# Written by Clientele: every connection needs the password in postgres.password
			# beside this directory (SCRAM-SHA-256); there is no password-less access.
			local   all   all                   scram-sha-256
			host    all   all   127.0.0.1/32    scram-sha-256
			host    all   all   ::1/128         scram-sha-256
			""";

	private final Path file;

	PostgresPassword(Path dataDirectory) {
		this.file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
	}

	Path file() {
		return file;
	}

	Optional<String> read() throws IOException {
		return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
				: Optional.empty();
	}

	/** A new password, written to a file that is owner-only from its creation. */
	String create() throws IOException {
		var random = new byte[32];
		new SecureRandom().nextBytes(random);
		var password = HexFormat.of().formatHex(random);
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (FileAlreadyExistsException ex) {
			throw new IOException(file + " exists already", ex);
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
		}
		Files.writeString(file, password, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		return password;
	}

	/** Allows password (SCRAM-SHA-256) connections only. */
	static void writeHba(Path dataDirectory) throws IOException {
		Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
	}

	/**
	 * Gives a data directory of an older Clientele, still on trust, a password: set over
	 * the trusted connection, then the trust is gone.
	 */
	String migrate(Path dataDirectory, int port) throws IOException, SQLException {
		var password = create();
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
				"postgres", null); var statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			// hex digits only: nothing to escape
			statement.execute("alter role postgres password '" + password + "'");
			writeHba(dataDirectory);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			// not set: the next start tries again
			Files.deleteIfExists(file);
			throw ex;
		}
		return password;
	}

}
