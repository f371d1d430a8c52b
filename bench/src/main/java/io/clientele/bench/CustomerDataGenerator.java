package io.clientele.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;

/**
 * Fills a Clientele database with generated customers, their addresses, orders, logins
 * and group memberships, with set-based SQL ({@code insert ... select ... from
 * generate_series}) in batches. Everything happens in one transaction: a failed or
 * interrupted run leaves the database as it was.
 * <p>
 * Generated customers are recognised by their e-mail domains, which all end in
 * {@code .example} (RFC 2606: no mail can ever reach them). A database that already holds
 * generated customers is refused unless {@code --reset} asks to remove them first.
 * <p>
 * Values come from hashes of the customer's sequence number ({@code hashint8extended}),
 * so two runs with the same settings produce the same data (apart from random ids).
 */
public final class CustomerDataGenerator {

	/** The password of every generated customer that has a login. */
	public static final String PASSWORD = "Quarry-Lantern-Orbit-58";

	/** Matches the e-mail addresses of generated customers and no others. */
	static final String GENERATED = "email like '%.example'";

	private static final Duration SPAN = Duration.ofDays(5 * 365);

	private final Settings settings;

	private final Progress progress;

	public CustomerDataGenerator(Settings settings, Progress progress) {
		this.settings = settings;
		this.progress = progress;
	}

	/**
	 * @param customers how many customers to generate
	 * @param batchSize customers per statement
	 * @param referencePrefix the prefix of the customer references
	 * ({@code clientele.customer.reference-prefix})
	 * @param reset whether generated customers already present are removed first
	 */
	public record Settings(long customers, int batchSize, String referencePrefix, boolean reset) {

		public Settings {
			if (customers < 1 || batchSize < 1) {
				throw new IllegalArgumentException("customers and batch size must be positive");
			}
		}

		/** From {@code -Dbench.customers}, {@code -Dbench.batch-size} and the flag. */
		static Settings fromSystemProperties(boolean reset) {
			return new Settings(Long.parseLong(System.getProperty("bench.customers", "1000000").replace("_", "")),
					Integer.parseInt(System.getProperty("bench.batch-size", "100000").replace("_", "")),
					System.getProperty("bench.reference-prefix", "DE"), reset);
		}

	}

	/** Where progress goes. */
	public interface Progress {

		void report(String line);

	}

	/**
	 * Thrown when the database already holds generated customers and no reset was asked.
	 */
	public static final class GeneratedDataPresent extends RuntimeException {

		GeneratedDataPresent(long customers) {
			super("The database already holds %,d generated customers (e-mail addresses ending in .example). "
				.formatted(customers) + "Run with --reset (or -Dbench.reset=true) to replace them.");
		}

	}

	/**
	 * Usage: {@code CustomerDataGenerator [--reset] [jdbc-url]}; the URL defaults to
	 * {@code -Dbench.jdbc-url}, the user to {@code -Dbench.jdbc-user} ({@code postgres}).
	 */
	public static void main(String[] args) throws SQLException {
		var reset = Boolean.getBoolean("bench.reset") || Arrays.asList(args).contains("--reset");
		var url = Arrays.stream(args)
			.filter(arg -> arg.startsWith("jdbc:"))
			.findFirst()
			.orElse(System.getProperty("bench.jdbc-url"));
		if (url == null) {
			System.err.println("Usage: CustomerDataGenerator [--reset] jdbc:postgresql://127.0.0.1:<port>/clientele"
					+ "  (-Dbench.customers=1000000 -Dbench.jdbc-user=postgres -Dbench.jdbc-password=)");
			System.exit(2);
		}
		try (var connection = DriverManager.getConnection(url, System.getProperty("bench.jdbc-user", "postgres"),
				System.getProperty("bench.jdbc-password", ""))) {
			new CustomerDataGenerator(Settings.fromSystemProperties(reset), System.out::println).generate(connection);
		}
		catch (GeneratedDataPresent ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

	/** How many generated customers the database holds. */
	public static long generatedCustomers(Connection connection) throws SQLException {
		return queryLong(connection, "select count(*) from customer where " + GENERATED);
	}

	/**
	 * Generates the customers; afterwards the connection is in auto-commit mode.
	 * @throws GeneratedDataPresent when generated customers are there and no reset was
	 * asked
	 */
	public void generate(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		var present = generatedCustomers(connection);
		if (present > 0 && !settings.reset()) {
			throw new GeneratedDataPresent(present);
		}
		var started = System.nanoTime();
		var hash = passwordHash();
		connection.setAutoCommit(false);
		try {
			tune(connection);
			if (present > 0) {
				removeGenerated(connection, present);
			}
			var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			prepare(connection, now);
			var base = highestReferenceNumber(connection);
			progress.report("Generating %,d customers (references %s--%d to %s--%d) in batches of %,d".formatted(
					settings.customers(), settings.referencePrefix(), base + 1, settings.referencePrefix(),
					base + settings.customers(), settings.batchSize()));
			for (long from = 1; from <= settings.customers(); from += settings.batchSize()) {
				var to = Math.min(settings.customers(), from + settings.batchSize() - 1);
				var steps = insertBatch(connection, from, to, base, now, hash);
				var seconds = (System.nanoTime() - started) / 1e9;
				progress.report("  %,d / %,d customers (%d%%) after %.0f s (%s)".formatted(to, settings.customers(),
						to * 100 / settings.customers(), seconds, steps));
			}
			execute(connection, "select setval('customer_reference_seq', %d)".formatted(base + settings.customers()));
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
		var loaded = System.nanoTime();
		progress.report("Committed after %.0f s; vacuum and analyze".formatted((loaded - started) / 1e9));
		for (var table : List.of("customer", "credentials_password", "address_entry", "orderhistory_order",
				"groups_group", "groups_membership")) {
			execute(connection, "vacuum (analyze) " + table);
		}
		progress.report("Done in %.0f s: %s".formatted((System.nanoTime() - started) / 1e9, counts(connection)));
	}

	// One real argon2id hash with the application's parameters, computed once: hashing a
	// million passwords would take hours and prove nothing about the list.
	private static String passwordHash() {
		var argon2 = Argon2Factory.create(Argon2Types.ARGON2id, 16, 32);
		return argon2.hash(2, 19456, 1, PASSWORD.toCharArray());
	}

	private static void tune(Connection connection) throws SQLException {
		// this session's commit only; the server keeps its durable settings
		execute(connection, "set local synchronous_commit = off");
		execute(connection, "set local work_mem = '256MB'");
		execute(connection, "set local maintenance_work_mem = '1GB'");
	}

	private void removeGenerated(Connection connection, long present) throws SQLException {
		var all = queryLong(connection, "select count(*) from customer");
		progress.report("Removing %,d generated customers and their data".formatted(present));
		if (all == present) {
			// only generated customers: truncating is much faster than deleting
			execute(connection, """
					truncate customer, credentials_token, api_refresh_token, address_entry, orderhistory_order,
					    notes_note, groups_membership cascade""");
			execute(connection, "delete from credentials_password p"
					+ " where not exists (select 1 from staff_account s where s.id = p.owner_id)");
			execute(connection, "delete from credentials_password_history p"
					+ " where not exists (select 1 from staff_account s where s.id = p.owner_id)");
			// no customer is left: references start again at 1
			execute(connection, "select setval('customer_reference_seq', 1, false)");
		}
		else {
			execute(connection,
					"create temp table bench_removed on commit drop as select id from customer where " + GENERATED);
			execute(connection, "alter table bench_removed add primary key (id)");
			for (var table : List.of("credentials_token", "api_refresh_token", "address_entry", "orderhistory_order",
					"notes_note", "groups_membership")) {
				execute(connection, "delete from " + table + " t using bench_removed r where t.customer_id = r.id");
			}
			for (var table : List.of("credentials_password", "credentials_password_history")) {
				execute(connection, "delete from " + table + " t using bench_removed r where t.owner_id = r.id");
			}
			execute(connection, "delete from customer c using bench_removed r where c.id = r.id");
		}
		var names = SampleData.column(SampleData.GROUPS, 0);
		try (var statement = connection.prepareStatement("delete from groups_group g where g.name = any(?)"
				+ " and not exists (select 1 from groups_membership m where m.group_id = g.id)")) {
			statement.setArray(1, connection.createArrayOf("text", names));
			statement.executeUpdate();
		}
	}

	// Helper functions and the word lists, visible to this transaction only.
	private void prepare(Connection connection, Instant now) throws SQLException {
		execute(connection, """
				create function pg_temp.h(n bigint, seed bigint) returns bigint language sql immutable parallel safe
				as 'select hashint8extended(n, seed) & 9223372036854775807'""");
		execute(connection, """
				create function pg_temp.u(n bigint, seed bigint) returns float8 language sql immutable parallel safe
				as 'select (hashint8extended(n, seed) & 281474976710655)::float8 / 281474976710656.0'""");
		execute(connection, """
				create temp table bench_words (
				    female_names text[], female_slugs text[], male_names text[], male_slugs text[], last_names text[],
				    last_slugs text[], stems text[], trades text[], legal_forms text[], domains text[], streets text[],
				    cities text[], countries text[], zip_prefixes text[], skus text[], product_names text[],
				    prices int[], order_states text[], payments text[], shipments text[], group_ids uuid[],
				    started timestamptz, now timestamptz) on commit drop""");
		execute(connection, "insert into bench_words values (" + "?, ".repeat(22) + "?)", //
				text(connection, SampleData.FEMALE_FIRST_NAMES),
				text(connection, SampleData.emailSlugs(SampleData.FEMALE_FIRST_NAMES)),
				text(connection, SampleData.MALE_FIRST_NAMES),
				text(connection, SampleData.emailSlugs(SampleData.MALE_FIRST_NAMES)),
				text(connection, SampleData.LAST_NAMES), text(connection, SampleData.emailSlugs(SampleData.LAST_NAMES)),
				text(connection, SampleData.COMPANY_STEMS), text(connection, SampleData.COMPANY_TRADES),
				text(connection, SampleData.LEGAL_FORMS), text(connection, SampleData.EMAIL_DOMAINS),
				text(connection, SampleData.STREETS), text(connection, SampleData.column(SampleData.CITIES, 0)),
				text(connection, SampleData.column(SampleData.CITIES, 1)),
				text(connection, SampleData.column(SampleData.CITIES, 2)),
				text(connection, SampleData.column(SampleData.PRODUCTS, 0)),
				text(connection, SampleData.column(SampleData.PRODUCTS, 1)),
				connection.createArrayOf("int4",
						Arrays.stream(SampleData.column(SampleData.PRODUCTS, 2)).map(Integer::valueOf).toArray()),
				text(connection, SampleData.ORDER_STATES), text(connection, SampleData.PAYMENT_METHODS),
				text(connection, SampleData.SHIPMENT_METHODS),
				connection.createArrayOf("uuid", groups(connection, now)),
				Timestamp.from(now.minus(SPAN).minus(Duration.ofDays(1))), Timestamp.from(now));
		execute(connection, """
				create temp table bench_batch (
				    n bigint primary key, id uuid not null, female boolean not null, salutation varchar(8),
				    first_name text not null, last_name text not null, company text, phone text,
				    created_at timestamptz not null, registered_at timestamptz) on commit drop""");
	}

	// The groups, created unless a group of that name exists; the largest first.
	private Object[] groups(Connection connection, Instant now) throws SQLException {
		var ids = new UUID[SampleData.GROUPS.length];
		for (int i = 0; i < ids.length; i++) {
			var group = SampleData.GROUPS[i];
			try (var insert = connection.prepareStatement("""
					insert into groups_group (id, name, description, created_at) values (?, ?, ?, ?)
					on conflict do nothing""");
					var select = connection
						.prepareStatement("select id from groups_group where lower(name) = lower(?)")) {
				insert.setObject(1, UUID.randomUUID());
				insert.setString(2, group[0]);
				insert.setString(3, group[1]);
				insert.setTimestamp(4, Timestamp.from(now.minus(SPAN).minus(Duration.ofDays(1))));
				insert.executeUpdate();
				select.setString(1, group[0]);
				try (var row = select.executeQuery()) {
					row.next();
					ids[i] = row.getObject(1, UUID.class);
				}
			}
		}
		return ids;
	}

	private static long highestReferenceNumber(Connection connection) throws SQLException {
		var used = queryLong(connection,
				"select coalesce(max(substring(customer_reference from '([0-9]+)$')::bigint), 0) from customer");
		var issued = queryLong(connection,
				"select case when is_called then last_value else 0 end from customer_reference_seq");
		return Math.max(used, issued);
	}

	// the seconds each step took
	private String insertBatch(Connection connection, long from, long to, long base, Instant now, String hash)
			throws SQLException {
		var steps = new Steps();
		execute(connection, "truncate bench_batch");
		// Customer n of N was created at started + SPAN * sqrt(n / N): the shop grows, so
		// recent years hold more customers, and references rise with creation time.
		execute(connection,
				"""
						with person as (
						    select n, pg_temp.u(n, 1) < 0.5 as female, pg_temp.h(n, 2) as first_pick,
						        pg_temp.h(n, 3) as last_pick, pg_temp.h(n, 4) as second_last_pick,
						        pg_temp.u(n, 5) < 0.04 as double_name,
						        w.started + make_interval(secs => %d * sqrt(n::float8 / %d) + pg_temp.h(n, 6) %% 600)
						            as created_at
						    from generate_series(%d, %d) n cross join bench_words w
						)
						insert into bench_batch (n, id, female, salutation, first_name, last_name, company, phone,
						    created_at, registered_at)
						select n, gen_random_uuid(), female,
						    case when pg_temp.u(n, 7) < 0.08 then null
						        when pg_temp.u(n, 8) < 0.04 then 'Dr'
						        when female then case when pg_temp.u(n, 9) < 0.6 then 'Ms' else 'Mrs' end
						        else 'Mr' end,
						    case when female then w.female_names[1 + first_pick %% cardinality(w.female_names)]
						        else w.male_names[1 + first_pick %% cardinality(w.male_names)] end,
						    w.last_names[1 + last_pick %% cardinality(w.last_names)]
						        || case when double_name
						            then '-' || w.last_names[1 + second_last_pick %% cardinality(w.last_names)] else '' end,
						    case when pg_temp.u(n, 10) < 0.25 then
						        w.stems[1 + pg_temp.h(n, 11) %% cardinality(w.stems)] || ' '
						        || w.trades[1 + pg_temp.h(n, 12) %% cardinality(w.trades)] || ' '
						        || w.legal_forms[1 + pg_temp.h(n, 13) %% cardinality(w.legal_forms)] end,
						    case when pg_temp.u(n, 14) < 0.35 then
						        '+49 ' || (30 + pg_temp.h(n, 15) %% 870) || ' ' || lpad((pg_temp.h(n, 16) %% 10000000)::text, 7, '0')
						        end,
						    created_at,
						    case when pg_temp.u(n, 17) < 0.70 then
						        case when pg_temp.u(n, 18) < 0.8 then created_at
						            else least(w.now, created_at + make_interval(secs => pg_temp.h(n, 19) %% 2592000)) end
						        end
						from person cross join bench_words w
						"""
					.formatted(SPAN.toSeconds(), settings.customers(), from, to));
		steps.done("drawn");
		// e-mail: the name's letters, a separator before the number (so that no two
		// customers share an address) and one of the domains; a few typed in capitals
		execute(connection,
				"""
						insert into customer (id, customer_reference, email, salutation, first_name, last_name, gender,
						    date_of_birth, phone, company, locale, confirmed_at, created_at, updated_at, anonymized_at,
						    blocked_at, registered_at, version)
						select id, reference, email, salutation, first_name, last_name, gender, date_of_birth, phone, company,
						    locale, confirmed_at, created_at, greatest(created_at, confirmed_at, registered_at, blocked_at),
						    null, blocked_at, registered_at,
						    case when greatest(confirmed_at, blocked_at) > created_at then 1 else 0 end
						from (
						    select b.*, '%s--' || (%d + b.n) as reference,
						        (case when pg_temp.u(b.n, 20) < 0.05 then initcap(local) else local end)
						            || '@' || w.domains[1 + pg_temp.h(b.n, 21) %% cardinality(w.domains)] as email,
						        case when pg_temp.u(b.n, 22) < 0.6 then case when female then 'Female' else 'Male' end end
						            as gender,
						        case when pg_temp.u(b.n, 23) < 0.45 then date '1945-01-01' + (pg_temp.h(b.n, 24) %% 22000)::int
						            end as date_of_birth,
						        case when pg_temp.u(b.n, 25) < 0.75 then 'de_DE' else 'en_US' end as locale,
						        case when pg_temp.u(b.n, 26) < 0.90
						            then created_at + make_interval(secs => pg_temp.h(b.n, 27) %% 7200) end as confirmed_at,
						        case when pg_temp.h(b.n, 28) %% 2500 = 0
						            then least(w.now, created_at + make_interval(days => (pg_temp.h(b.n, 29) %% 365)::int))
						            end as blocked_at
						    from (
						        select b.*,
						            case pg_temp.h(b.n, 30) %% 10
						                when 6 then left(first_slug, 1) || '.' || last_slug || '.' || b.n
						                when 7 then first_slug || last_slug || '.' || b.n
						                when 8 then last_slug || '.' || first_slug || '.' || b.n
						                when 9 then first_slug || '_' || last_slug || '_' || b.n
						                else first_slug || '.' || last_slug || '.' || b.n end as local
						        from (
						            select b.*,
						                case when b.female then w.female_slugs[array_position(w.female_names, b.first_name)]
						                    else w.male_slugs[array_position(w.male_names, b.first_name)] end as first_slug,
						                w.last_slugs[array_position(w.last_names, split_part(b.last_name, '-', 1))]
						                    || coalesce(w.last_slugs[array_position(w.last_names, nullif(split_part(b.last_name, '-', 2), ''))], '')
						                    as last_slug
						            from bench_batch b cross join bench_words w
						        ) b cross join bench_words w
						    ) b cross join bench_words w
						) c
						"""
					.formatted(settings.referencePrefix(), base));
		steps.done("customers");
		try (var statement = connection.prepareStatement("""
				insert into credentials_password (owner_id, hash, changed_at, must_change, expires_at)
				select id, ?, registered_at, false, null from bench_batch where registered_at is not null""")) {
			statement.setString(1, hash);
			statement.executeUpdate();
		}
		steps.done("passwords");
		insertAddresses(connection);
		steps.done("addresses");
		insertOrders(connection);
		steps.done("orders");
		insertMemberships(connection);
		steps.done("groups");
		return steps.toString();
	}

	private static final class Steps {

		private final StringBuilder done = new StringBuilder();

		private long last = System.nanoTime();

		void done(String step) {
			var now = System.nanoTime();
			done.append(done.isEmpty() ? "" : ", ").append("%s %.1f s".formatted(step, (now - last) / 1e9));
			last = now;
		}

		@Override
		public String toString() {
			return done.toString();
		}

	}

	// 0 to 3 addresses (1 on average); the first is the default billing and shipping
	// address, as the address book makes it.
	private static void insertAddresses(Connection connection) throws SQLException {
		execute(connection, """
				insert into address_entry (id, customer_id, salutation, first_name, last_name, address1, address2,
				    address3, zip_code, city, iso2_code, company, phone, default_billing, default_shipping, created_at,
				    updated_at)
				select gen_random_uuid(), b.id,
				    coalesce(b.salutation, case when b.female then 'Ms' else 'Mr' end),
				    case when i = 1 or pg_temp.u(k, 41) < 0.7 then b.first_name
				        when b.female then w.male_names[1 + pg_temp.h(k, 42) %% cardinality(w.male_names)]
				        else w.female_names[1 + pg_temp.h(k, 42) %% cardinality(w.female_names)] end,
				    b.last_name,
				    w.streets[1 + pg_temp.h(k, 43) %% cardinality(w.streets)],
				    (1 + pg_temp.h(k, 44) %% 180)::text || case when pg_temp.u(k, 45) < 0.08 then 'a' else '' end,
				    case when pg_temp.u(k, 46) < 0.05 then 'Hinterhaus, 2. OG' end,
				    w.zip_prefixes[c] || lpad((pg_temp.h(k, 47) %% 1000)::text, 3, '0'),
				    w.cities[c], w.countries[c],
				    case when i = 1 then b.company end, b.phone, i = 1, i = 1,
				    created, created
				from bench_batch b cross join bench_words w
				cross join lateral generate_series(1, case when pg_temp.u(b.n, 40) < 0.25 then 0
				    when pg_temp.u(b.n, 40) < 0.80 then 1 when pg_temp.u(b.n, 40) < 0.95 then 2 else 3 end) i
				cross join lateral (select b.n * 4 + i as k) key
				cross join lateral (select 1 + pg_temp.h(k, 48) %% cardinality(w.cities) as c,
				    least(w.now, b.created_at + make_interval(days => ((i - 1) * (pg_temp.h(k, 49) %% 400))::int))
				        as created) place
				""".formatted());
	}

	// 0 to 4 orders (1.5 on average) of one or two items each, between the account's
	// creation and now.
	private static void insertOrders(Connection connection) throws SQLException {
		execute(connection, """
				insert into orderhistory_order (id, order_reference, customer_id, currency, price_mode, state,
				    subtotal, expense_total, discount_total, tax_total, grand_total, canceled_total,
				    remuneration_total, items, billing_address, shipping_address, payment_method, shipment_method,
				    ordered_at, updated_at)
				select gen_random_uuid(), 'DE-' || to_char(ordered_at, 'YYYYMMDD') || '-' || lpad(k::text, 9, '0'),
				    customer_id, currency, 'GROSS_MODE', state, subtotal, expense, discount,
				    round((subtotal + expense - discount) * 19 / 119.0)::bigint, subtotal + expense - discount,
				    case when state = 'canceled' then subtotal + expense - discount else 0 end, 0,
				    items, null, null, payment, shipment, ordered_at,
				    least(now, ordered_at + make_interval(days => (pg_temp.h(k, 59) %% 20)::int))
				from (
				    select b.id as customer_id, k, o.ordered_at, w.now,
				        case when pg_temp.u(k, 51) < 0.95 then 'EUR' else 'CHF' end as currency,
				        case when o.ordered_at > w.now - interval '14 days'
				            then (array['new', 'payment pending', 'paid', 'shipped'])[1 + pg_temp.h(k, 52) %% 4]
				            else w.order_states[1 + pg_temp.h(k, 52) %% cardinality(w.order_states)] end as state,
				        it.subtotal, case when it.subtotal >= 5000 then 0 else 495 end as expense,
				        case when pg_temp.u(k, 53) < 0.1 then least(500, it.subtotal) else 0 end as discount,
				        it.items, w.payments[1 + pg_temp.h(k, 54) %% cardinality(w.payments)] as payment,
				        w.shipments[1 + pg_temp.h(k, 55) %% cardinality(w.shipments)] as shipment
				    from bench_batch b cross join bench_words w
				    cross join lateral generate_series(1, case when pg_temp.u(b.n, 50) < 0.30 then 0
				        when pg_temp.u(b.n, 50) < 0.55 then 1 when pg_temp.u(b.n, 50) < 0.75 then 2
				        when pg_temp.u(b.n, 50) < 0.90 then 3 else 4 end) i
				    cross join lateral (select b.n * 8 + i as k) key
				    cross join lateral (select b.created_at + (w.now - b.created_at) * pg_temp.u(k, 56) as ordered_at) o
				    cross join lateral (
				        select jsonb_agg(jsonb_build_object('sku', w.skus[p], 'name', w.product_names[p],
				                'quantity', q, 'unitPrice', w.prices[p], 'sumPrice', q * w.prices[p])) as items,
				            sum(q * w.prices[p])::bigint as subtotal
				        from (select 1 + pg_temp.h(k * 4 + j, 57) %% cardinality(w.skus) as p,
				                1 + pg_temp.h(k * 4 + j, 58) %% 3 as q
				            from generate_series(1, case when pg_temp.u(k, 60) < 0.6 then 1 else 2 end) j) item
				    ) it
				) o
				""".formatted());
	}

	// 30 % of the customers in one group, a quarter of those in a second one; the first
	// groups are the largest.
	private static void insertMemberships(Connection connection) throws SQLException {
		execute(connection,
				"""
						insert into groups_membership (group_id, customer_id, added_at)
						select w.group_ids[g], b.id,
						    least(w.now, b.created_at + make_interval(days => (pg_temp.h(b.n * 2 + g, 63) %% 400)::int))
						from bench_batch b cross join bench_words w
						cross join lateral (select 1 + floor(cardinality(w.group_ids) * pg_temp.u(b.n, 61) ^ 2)::int as first) f
						cross join lateral (
						    select f.first as g
						    union all
						    select 1 + (f.first + pg_temp.h(b.n, 62) %% (cardinality(w.group_ids) - 1)) %% cardinality(w.group_ids)
						    where pg_temp.u(b.n, 64) < 0.25
						) g
						where pg_temp.u(b.n, 60) < 0.30
						"""
					.formatted());
	}

	private static String counts(Connection connection) throws SQLException {
		var line = new StringBuilder();
		for (var table : List.of("customer", "credentials_password", "address_entry", "orderhistory_order",
				"groups_group", "groups_membership")) {
			line.append(line.isEmpty() ? "" : ", ")
				.append("%s %,d".formatted(table, queryLong(connection, "select count(*) from " + table)));
		}
		return line.toString();
	}

	private static Array text(Connection connection, String[] values) throws SQLException {
		return connection.createArrayOf("text", values);
	}

	private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.execute();
		}
	}

	private static long queryLong(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

}
