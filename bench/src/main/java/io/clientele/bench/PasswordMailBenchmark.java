package io.clientele.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.clientele.ClienteleApplication;
import io.clientele.audit.AuditActor;
import io.clientele.credentials.PasswordMailings;
import io.clientele.credentials.SendPasswordMails;

/**
 * How fast {@code customer:password:reset} and {@code customer:password:set} queue their
 * mails: starts Clientele as the console does (no web server, no mail sending) on its own
 * embedded PostgreSQL in a new data directory, generates {@code bench.customers}
 * customers with set-based SQL (70 % with a password), then times counting and sending
 * for all of them. Prints a markdown table and writes it to
 * {@code bench/results/password-mails.md}.
 */
public final class PasswordMailBenchmark {

	private static final AuditActor BENCH = new AuditActor("bench", null);

	private static final String FAKE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2htYXJr$YmVuY2htYXJrYmVuY2htYXJr";

	private PasswordMailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var customers = Long.parseLong(System.getProperty("bench.customers", "1000000").replace("_", ""));
		var given = System.getProperty("bench.mails.data-dir", "");
		var dataDir = given.isBlank() ? Files.createTempDirectory("clientele-password-mails")
				: Path.of(given).toAbsolutePath();
		var results = Path.of(System.getProperty("bench.mails.results", "bench/results/password-mails.md"));
		String report;
		try (var application = start(dataDir)) {
			var dataSource = application.getBean(DataSource.class);
			generate(dataSource, customers);
			var mailings = application.getBean(PasswordMailings.class);
			var rows = new ArrayList<String>();
			rows.add(measure("customer:password:reset (first run)", mailings,
					new SendPasswordMails(SendPasswordMails.Audience.EVERYONE, false, BENCH)));
			rows.add(measure("customer:password:reset (again: every customer holds a link)", mailings,
					new SendPasswordMails(SendPasswordMails.Audience.EVERYONE, false, BENCH)));
			rows.add(measure("customer:password:set", mailings,
					new SendPasswordMails(SendPasswordMails.Audience.WITHOUT_PASSWORD, false, BENCH)));
			rows.add(measure("customer:password:reset --no-token", mailings,
					new SendPasswordMails(SendPasswordMails.Audience.EVERYONE, true, BENCH)));
			report = report(rows, customers, sizes(dataSource));
		}
		finally {
			if (given.isBlank()) {
				delete(dataDir);
			}
		}
		System.out.println();
		System.out.println(report);
		Files.createDirectories(results.toAbsolutePath().getParent());
		Files.writeString(results, report);
		System.out.println("Written to " + results);
		System.exit(0);
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		System.out.printf("Starting Clientele (as the console does) with its data in %s%n", dataDir);
		return new SpringApplicationBuilder(ClienteleApplication.class)
			.properties(Map.ofEntries(Map.entry("clientele.data-dir", dataDir.toString()),
					Map.entry("clientele.demo-data", "false"), Map.entry("server.port", "-1"),
					Map.entry("clientele.notification.dispatch", "false"),
					Map.entry("clientele.bootstrap-admin.password", "Lantern-Harbour-Quartz-71"),
					Map.entry("spring.main.banner-mode", "off"), Map.entry("logging.level.root", "WARN")))
			.run();
	}

	private static void generate(DataSource dataSource, long customers) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			var present = count(connection, "select count(*) from customer");
			if (present == customers) {
				System.out.printf("%,d customers are there already%n", present);
				return;
			}
			if (present != 0) {
				throw new IllegalStateException("The database holds %,d customers, not %,d: use a new data directory"
					.formatted(present, customers));
			}
			var started = System.nanoTime();
			var batch = 100_000L;
			for (long from = 1; from <= customers; from += batch) {
				var to = Math.min(customers, from + batch - 1);
				connection.setAutoCommit(false);
				try (var statement = connection.createStatement()) {
					statement.execute("set local synchronous_commit = off");
					statement.execute("""
							insert into customer (id, customer_reference, email, first_name, last_name, locale,
							    confirmed_at, created_at, updated_at, version, registered_at)
							select gen_random_uuid(), 'DE--' || n, 'customer.' || n || '@shop.example',
							    (array['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Finn', 'Greta', 'Hugo'])[1 + n %% 8],
							    (array['Schmidt', 'Yilmaz', 'Nowak', 'Rossi', 'Garcia', 'Dubois', 'Smith'])[1 + n %% 7],
							    case when n %% 4 = 0 then 'en_US' else 'de_DE' end,
							    now(), now(), now(), 0, case when n %% 10 < 7 then now() end
							from generate_series(%d, %d) as n
							""".formatted(from, to));
					statement.execute("""
							insert into credentials_password (owner_id, hash, changed_at)
							select id, '%s', now() from customer
							where registered_at is not null and customer_reference in (
							    select 'DE--' || n from generate_series(%d, %d) as n)
							""".formatted(FAKE_HASH, from, to));
				}
				connection.commit();
				connection.setAutoCommit(true);
				System.out.printf("  %,d / %,d customers after %.0f s%n", to, customers,
						(System.nanoTime() - started) / 1e9);
			}
			try (var statement = connection.createStatement()) {
				statement.execute("select setval('customer_reference_seq', %d)".formatted(customers));
				statement.execute("vacuum (analyze) customer");
				statement.execute("vacuum (analyze) credentials_password");
			}
			System.out.printf("Generated %,d customers in %.0f s%n", customers, (System.nanoTime() - started) / 1e9);
		}
	}

	private static String measure(String name, PasswordMailings mailings, SendPasswordMails command) {
		System.out.printf("%s ...%n", name);
		var started = System.nanoTime();
		var affected = mailings.countRecipients(command);
		var counted = System.nanoTime();
		var sent = affected == 0 ? 0 : mailings.send(command, done -> {
		});
		var finished = System.nanoTime();
		var countSeconds = (counted - started) / 1e9;
		var sendSeconds = (finished - counted) / 1e9;
		var totalSeconds = (finished - started) / 1e9;
		var row = String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %,.0f | %,.0f |", name, sent, countSeconds,
				sendSeconds, sent == 0 ? 0 : sent / sendSeconds, sent == 0 ? 0 : sent / totalSeconds);
		System.out.println(row);
		return row;
	}

	private static String sizes(DataSource dataSource) throws SQLException {
		try (var connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("""
						select relname, pg_size_pretty(pg_total_relation_size(oid))
						from pg_class where relname in ('notification_outbox', 'credentials_token', 'audit_entry')
						order by relname""")) {
			var sizes = new ArrayList<String>();
			while (rows.next()) {
				sizes.add(rows.getString(1) + " " + rows.getString(2));
			}
			return String.join(", ", sizes);
		}
	}

	private static String report(List<String> rows, long customers, String sizes) {
		var lines = new ArrayList<String>();
		lines.add("# Password mails: %,d customers".formatted(customers));
		lines.add("");
		lines.add("%d cores, Java %s, %s. The customers were generated in a new embedded PostgreSQL; 70 %% have a "
			.formatted(Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"))
				+ "password. Counting is the look-up before the question; sending issues the tokens, queues the "
				+ "mails and writes the audit entries, batch by batch.");
		lines.add("");
		lines.add("| Run | Mails queued | Count (s) | Send (s) | Mails/s (send) | Mails/s (count + send) |");
		lines.add("|---|---:|---:|---:|---:|---:|");
		lines.addAll(rows);
		lines.add("");
		lines.add("Afterwards: " + sizes + ".");
		return String.join("\n", lines) + "\n";
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void delete(Path directory) throws IOException {
		try (var paths = Files.walk(directory)) {
			for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
