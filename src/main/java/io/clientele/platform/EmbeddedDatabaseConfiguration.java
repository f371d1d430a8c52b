package io.clientele.platform;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

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
		if (environment.matchesProfiles("console")) {
			// A console command beside a running server uses the server's PostgreSQL.
			var runningPort = dataDirectory.portOfARunningClientele();
			if (runningPort.isPresent()) {
				return new EmbeddedDatabase(null, runningPort.getAsInt());
			}
		}
		dataDirectory.reclaim();
		var postgres = EmbeddedPostgres.builder()
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
			.setServerConfig("max_wal_size", "2GB")
			.start();
		createDatabaseIfMissing(postgres);
		log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), directory);
		return new EmbeddedDatabase(postgres, postgres.getPort());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:%d/%s".formatted(database.port(), DATABASE));
		dataSource.setUsername("postgres");
		return dataSource;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
		DataSource admin = postgres.getPostgresDatabase();
		try (var connection = admin.getConnection(); var statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE);
			}
		}
	}

}
