package io.clientele.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

import io.clientele.shared.ConfigurationProblem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Without {@code spring.datasource.url}, Clientele starts its own PostgreSQL with its
 * data in {@code <data-dir>/postgres}: it survives restarts and stops with the
 * application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlConfigured.class)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "clientele";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(PlatformSettings settings, Environment environment)
			throws IOException, SQLException {
		var directory = settings.dataDir().resolve("postgres").toAbsolutePath().normalize();
		var dataDirectory = new PostgresDataDirectory(directory);
		var passwords = new PostgresPassword(directory);
		if (environment.matchesProfiles("console")) {
			// A console command beside a running server uses the server's PostgreSQL.
			var runningPort = dataDirectory.portOfARunningClientele();
			if (runningPort.isPresent()) {
				var password = passwords.read()
					.orElseThrow(() -> new ConfigurationProblem(
							"The running Clientele has not yet given its PostgreSQL a password (" + passwords.file()
									+ ").",
							"Wait until the server is up, then try again."));
				return new EmbeddedDatabase(null, runningPort.getAsInt(), password);
			}
		}
		dataDirectory.reclaim();
		var fresh = !Files.exists(directory.resolve("postgresql.conf"));
		var known = passwords.read();
		if (fresh && known.isPresent()) {
			throw new ConfigurationProblem(
					passwords.file() + " exists, but there is no PostgreSQL data directory beside it.",
					"Remove " + passwords.file() + " to start with a new, empty database.");
		}
		var password = fresh ? passwords.create() : known.orElse(null);
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			// zonky tunes for throw-away test databases; this one holds a shop's data.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("listen_addresses", "127.0.0.1")
			// an OLTP workload: short queries never pay for JIT compilation; the files
			// sit on local disks (and mostly in the page cache), so index reads are cheap
			.setServerConfig("jit", "off")
			.setServerConfig("random_page_cost", "1.1")
			.setServerConfig("effective_cache_size", "2GB")
			.setServerConfig("shared_buffers", "512MB")
			// bulk imports write a lot of log: fewer checkpoints, fewer full pages in it
			.setServerConfig("max_wal_size", "2GB");
		if (fresh) {
			// initdb sets the password from the file: never a moment without one
			builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwords.file().toString());
		}
		if (password != null) {
			builder.setConnectConfig("password", password)
				// whatever the file says now, only password connections are allowed
				.setDataDirectoryCustomizer(data -> writeHba(data.toPath()));
		}
		var postgres = builder.start();
		if (password == null) {
			password = passwords.migrate(directory, postgres.getPort());
			log.info("The embedded PostgreSQL now requires the password in {}", passwords.file());
		}
		createDatabaseIfMissing(postgres.getPort(), password);
		log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), directory);
		return new EmbeddedDatabase(postgres, postgres.getPort(), password);
	}

	private static void writeHba(Path dataDirectory) {
		try {
			PostgresPassword.writeHba(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:%d/%s".formatted(database.port(), DATABASE));
		dataSource.setUsername("postgres");
		dataSource.setPassword(database.password());
		return dataSource;
	}

	private static void createDatabaseIfMissing(int port, String password) throws SQLException {
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
				"postgres", password); var statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE);
			}
		}
	}

}
