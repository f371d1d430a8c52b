package io.clientele.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.clientele.customer.ImportedCustomers.Change;
import io.clientele.customer.ImportedCustomers.Rejected;
import io.clientele.customer.ImportedCustomers.Saved;
import io.clientele.shared.OrderedUuid;

/**
 * Writes a batch of imported customers with a handful of set-based statements: the batch
 * goes into a temporary table in one statement (arrays, one per column) that also matches
 * each row with the stored customers, and then updated and inserted in one statement
 * each. Unchanged customers are not written at all, so an import run twice changes
 * nothing. Several batches may be written at once, on several connections.
 */
@Repository
class CustomerImports {

	private static final java.util.regex.Pattern TRAILING_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,15}$");

	private final JdbcClient jdbc;

	private final CustomerSettings settings;

	CustomerImports(JdbcClient jdbc, CustomerSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Must run in a transaction: the temporary table empties at commit.
	 * @param dryRun whether the transaction will be rolled back: the reference sequence,
	 * which a rollback does not restore, is then left as it is
	 */
	ImportedCustomers write(List<ImportedCustomer> batch, Instant now, boolean dryRun) {
		if (batch.isEmpty()) {
			return new ImportedCustomers(List.of(), List.of());
		}
		// A batch is small and the customer table large, but its statistics lag behind a
		// bulk load: the planner would then hash the whole table to join a batch to it.
		// Every join here is a batch row looking up its customer by an index.
		jdbc.sql("set local enable_hashjoin = off").update();
		jdbc.sql("set local enable_mergejoin = off").update();
		jdbc.sql("""
				create temporary table if not exists customer_import_batch (
				    line bigint not null, customer_reference text, email text not null, salutation text,
				    first_name text not null, last_name text not null, gender text, date_of_birth date, phone text,
				    company text, locale text not null, keep_locale boolean not null, confirmed_at timestamptz,
				    with_login boolean not null, id uuid, existing boolean not null, problem text, problem_column text
				) on commit delete rows
				""").update();
		if (!dryRun) {
			moveReferenceSequenceOn(batch);
		}
		stage(batch);
		if (batch.stream().anyMatch(customer -> customer.reference() == null)) {
			jdbc.sql(
					"update customer_import_batch set customer_reference = ? || '--' || nextval('customer_reference_seq')"
							+ " where customer_reference is null")
				.param(settings.referencePrefix())
				.update();
		}
		var updated = new HashSet<>(jdbc.sql("""
				update customer c set email = b.email, salutation = b.salutation, first_name = b.first_name,
				    last_name = b.last_name, gender = b.gender, date_of_birth = b.date_of_birth, phone = b.phone,
				    company = b.company, locale = case when b.keep_locale then c.locale else b.locale end,
				    confirmed_at = coalesce(c.confirmed_at, b.confirmed_at),
				    registered_at = case when b.with_login then coalesce(c.registered_at, ?) else c.registered_at end,
				    updated_at = ?, version = c.version + 1
				from customer_import_batch b
				where b.existing and b.problem is null and c.id = b.id
				  and (c.email, c.salutation, c.first_name, c.last_name, c.gender, c.date_of_birth, c.phone,
				       c.company, c.locale, c.confirmed_at, c.registered_at is not null)
				      is distinct from
				      (b.email, b.salutation, b.first_name, b.last_name, b.gender, b.date_of_birth, b.phone,
				       b.company, case when b.keep_locale then c.locale else b.locale end,
				       coalesce(c.confirmed_at, b.confirmed_at), c.registered_at is not null or b.with_login)
				returning b.line
				""").params(Timestamp.from(now), Timestamp.from(now)).query(Long.class).list());
		jdbc.sql("""
				insert into customer (id, customer_reference, email, salutation, first_name, last_name, gender,
				    date_of_birth, phone, company, locale, confirmed_at, created_at, updated_at, version, registered_at)
				select id, customer_reference, email, salutation, first_name, last_name, gender, date_of_birth, phone,
				    company, locale, confirmed_at, ?, ?, 0, case when with_login then ?::timestamptz end
				from customer_import_batch where not existing and problem is null
				""").params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now)).update();
		var saved = new ArrayList<Saved>(batch.size());
		var rejected = new ArrayList<Rejected>();
		jdbc.sql("select line, id, existing, problem, problem_column from customer_import_batch order by line")
			.query(row -> {
				var line = row.getLong("line");
				var problem = row.getString("problem");
				if (problem != null) {
					rejected.add(new Rejected(line, row.getString("problem_column"), problem));
				}
				else {
					var change = !row.getBoolean("existing") ? Change.CREATED
							: updated.contains(line) ? Change.UPDATED : Change.UNCHANGED;
					saved.add(new Saved(line, new CustomerId(row.getObject("id", UUID.class)), change));
				}
			});
		return new ImportedCustomers(saved, rejected);
	}

	/**
	 * Stages the batch and finds each row's customer: by reference, else (no reference in
	 * the file) by address. A row whose address belongs to another customer, or whose
	 * reference to a deleted one, gets its problem instead.
	 */
	private void stage(List<ImportedCustomer> batch) {
		var size = batch.size();
		var lines = new Long[size];
		var references = new String[size];
		var emails = new String[size];
		var salutations = new String[size];
		var firstNames = new String[size];
		var lastNames = new String[size];
		var genders = new String[size];
		var birthDates = new String[size];
		var phones = new String[size];
		var companies = new String[size];
		var locales = new String[size];
		var keepLocales = new Boolean[size];
		var confirmedAts = new String[size];
		var withLogins = new Boolean[size];
		var newIds = new String[size];
		for (var i = 0; i < size; i++) {
			var customer = batch.get(i);
			var data = customer.data();
			lines[i] = customer.line();
			references[i] = customer.reference() == null ? null : customer.reference().value();
			emails[i] = data.email().strip();
			salutations[i] = data.salutation();
			firstNames[i] = data.firstName().strip();
			lastNames[i] = data.lastName().strip();
			genders[i] = blankToNull(data.gender());
			birthDates[i] = data.dateOfBirth() == null ? null : data.dateOfBirth().toString();
			phones[i] = blankToNull(data.phone());
			companies[i] = blankToNull(data.company());
			locales[i] = data.locale();
			keepLocales[i] = customer.keepLocale();
			confirmedAts[i] = customer.confirmedAt() == null ? null : customer.confirmedAt().toString();
			withLogins[i] = customer.withLogin();
			newIds[i] = OrderedUuid.next().toString();
		}
		jdbc.sql("""
				insert into customer_import_batch (line, customer_reference, email, salutation, first_name, last_name,
				    gender, date_of_birth, phone, company, locale, keep_locale, confirmed_at, with_login, id, existing,
				    problem, problem_column)
				select line, coalesce(customer_reference, owner_reference), email, salutation, first_name, last_name,
				    gender, date_of_birth, phone, company, locale, keep_locale, confirmed_at, with_login, id, existing,
				    case when deleted then 'belongs to a deleted (anonymised) account, which is never brought back'
				        when owner_id <> id then 'is the address of another customer (' || owner_reference || ')' end,
				    case when deleted then 'customer_reference' when owner_id <> id then 'email' end
				from (
				    select u.*, o.id as owner_id, o.customer_reference as owner_reference,
				        c.anonymized_at is not null as deleted,
				        coalesce(c.id, case when u.customer_reference is null and o.anonymized_at is null then o.id end,
				            u.new_id) as id,
				        c.id is not null or (u.customer_reference is null and o.id is not null
				            and o.anonymized_at is null) as existing
				    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				        ?::date[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[], ?::boolean[],
				        ?::uuid[])
				        as u (line, customer_reference, email, salutation, first_name, last_name, gender,
				              date_of_birth, phone, company, locale, keep_locale, confirmed_at, with_login, new_id)
				    left join customer c on c.customer_reference = u.customer_reference
				    left join customer o on lower(o.email) = lower(u.email)
				) matched
				""")
			.params(lines, references, emails, salutations, firstNames, lastNames, genders, birthDates, phones,
					companies, locales, keepLocales, confirmedAts, withLogins, newIds)
			.update();
	}

	/**
	 * A reference whose number is above the sequence's moves the sequence on, so that new
	 * customers never get an imported reference (Spryker's importer does the same).
	 */
	private void moveReferenceSequenceOn(List<ImportedCustomer> batch) {
		long highest = 0;
		for (var customer : batch) {
			if (customer.reference() != null) {
				var matcher = TRAILING_NUMBER.matcher(customer.reference().value());
				if (matcher.find()) {
					highest = Math.max(highest, Long.parseLong(matcher.group()));
				}
			}
		}
		if (highest > 0) {
			// read and set as one step, even with other batches doing the same
			jdbc.sql("select pg_advisory_lock(hashtext('customer_reference_seq'))").query().listOfRows();
			try {
				jdbc.sql("""
						select setval('customer_reference_seq', ?) from customer_reference_seq
						where ? > (case when is_called then last_value else last_value - 1 end)
						""").params(highest, highest).query().listOfRows();
			}
			finally {
				jdbc.sql("select pg_advisory_unlock(hashtext('customer_reference_seq'))").query().listOfRows();
			}
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
