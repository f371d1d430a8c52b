package io.clientele.address;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.shared.OrderedUuid;

/**
 * Writes a batch of imported addresses with a few set-based statements: the batch goes
 * into a temporary table in one statement, which also finds the address each customer
 * already has (equal field by field, an empty optional field equal to none); then the new
 * ones are inserted and the defaults moved in a statement or two each. An address the
 * customer already has is not added again, so an import run twice changes nothing.
 * <p>
 * Each row of the batch meets {@code address_entry} only through an index: by
 * {@code customer_id} in a lateral or scalar subquery with {@code limit 1}, or by id in
 * {@code id = any(array(…))}. A join would let PostgreSQL read the whole table per batch.
 * <p>
 * Batches of one import may be written at the same time. Two that give the same customer
 * a default collide on the partial unique index (or deadlock): the later one then waits
 * for the other, fails, and is written again from a savepoint, now seeing what the other
 * wrote. The outcome does not depend on which batch comes first, because the caller lets
 * only one row of a customer ask for each default and only the customer's first row take
 * a default the customer lacks.
 */
@Repository
class AddressImports {

	private static final Logger log = LoggerFactory.getLogger(AddressImports.class);

	private static final List<String> DEFAULTS = List.of("billing", "shipping");

	/** How often a batch is written again after colliding with another. */
	static final int ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate savepoint;

	AddressImports(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Must run in a transaction: the temporary table empties at commit. */
	ImportedAddresses write(List<ImportedAddress> batch, Instant now) {
		if (batch.isEmpty()) {
			return new ImportedAddresses(0, 0, 0);
		}
		for (var attempt = 1;; attempt++) {
			try {
				return java.util.Objects.requireNonNull(savepoint.execute(status -> writeOnce(batch, now)));
			}
			catch (DuplicateKeyException | PessimisticLockingFailureException collision) {
				if (attempt == ATTEMPTS) {
					throw collision;
				}
				log.debug("An address batch collided with another ({}); writing it again", collision.getMessage());
			}
		}
	}

	private ImportedAddresses writeOnce(List<ImportedAddress> batch, Instant now) {

		jdbc.sql("""
				create temporary table if not exists address_import_batch (
				    line bigint not null, customer_id uuid not null, salutation text not null, first_name text not null,
				    last_name text not null, address1 text not null, address2 text not null, address3 text,
				    zip_code text not null, city text not null, iso2_code text not null, company text, phone text,
				    want_billing boolean not null, want_shipping boolean not null, first boolean not null,
				    id uuid not null,
				    created boolean not null, make_billing boolean not null default false,
				    make_shipping boolean not null default false, old_billing uuid, old_shipping uuid
				) on commit delete rows
				""").update();
		stage(batch);
		for (var kind : DEFAULTS) {
			decideDefault(kind);
		}
		// the old defaults go first: the partial unique indexes allow one per customer at
		// any moment
		for (var kind : DEFAULTS) {
			jdbc.sql("update address_entry set default_" + kind + " = false where id = any(array(select old_" + kind
					+ " from address_import_batch where make_" + kind + " and old_" + kind + " <> id))")
				.update();
		}
		// new addresses arrive with their defaults (an update of a row inserted in the
		// same
		// transaction would check its foreign key again)
		var timestamp = Timestamp.from(now);
		jdbc.sql("""
				insert into address_entry (id, customer_id, salutation, first_name, last_name, address1, address2,
				    address3, zip_code, city, iso2_code, company, phone, default_billing, default_shipping, created_at,
				    updated_at)
				select id, customer_id, salutation, first_name, last_name, address1, address2, address3, zip_code, city,
				    iso2_code, company, phone, make_billing, make_shipping, ?, ?
				from address_import_batch where created order by id
				""").params(timestamp, timestamp).update();
		for (var kind : DEFAULTS) {
			jdbc.sql("update address_entry set default_" + kind + " = true where id = any(array(select id"
					+ " from address_import_batch where not created and make_" + kind + " and old_" + kind
					+ " is distinct from id))")
				.update();
		}
		return jdbc.sql("""
				select count(*) filter (where created),
				    count(*) filter (where not created and (make_billing and old_billing is distinct from id
				        or make_shipping and old_shipping is distinct from id)),
				    count(*)
				from address_import_batch
				""")
			.query((row, n) -> new ImportedAddresses(row.getLong(1), row.getLong(2),
					row.getLong(3) - row.getLong(1) - row.getLong(2)))
			.single();
	}

	/**
	 * Which address of each customer becomes the default: the one whose row asks for it;
	 * without one, the customer's first address of the import when the customer has none.
	 * Notes the customer's current default beside it.
	 */
	private void decideDefault(String kind) {
		var want = "want_" + kind;
		var make = "make_" + kind;
		var column = "default_" + kind;
		jdbc.sql("update address_import_batch set " + make + " = true where line in ("
				+ " select distinct on (customer_id) line from address_import_batch where " + want
				+ " order by customer_id, line desc)")
			.update();
		// "not in" is one hashed lookup a row ("not exists" became a nested loop over the
		// batch)
		jdbc.sql("update address_import_batch b set " + make + " = true where b.first"
				+ " and b.customer_id not in (select c.customer_id from address_import_batch c where c." + want + ")"
				+ " and (select a.id from address_entry a where a.customer_id = b.customer_id and a." + column
				+ " limit 1) is null")
			.update();
		jdbc.sql("update address_import_batch b set old_" + kind + " = (select a.id from address_entry a"
				+ " where a.customer_id = b.customer_id and a." + column + " limit 1) where b." + make)
			.update();
	}

	private void stage(List<ImportedAddress> batch) {
		var size = batch.size();
		var lines = new Long[size];
		var customers = new UUID[size];
		var salutations = new String[size];
		var firstNames = new String[size];
		var lastNames = new String[size];
		var address1s = new String[size];
		var address2s = new String[size];
		var address3s = new String[size];
		var zipCodes = new String[size];
		var cities = new String[size];
		var countries = new String[size];
		var companies = new String[size];
		var phones = new String[size];
		var billings = new Boolean[size];
		var shippings = new Boolean[size];
		var firsts = new Boolean[size];
		// ids in the order of the lines, so that a customer's new addresses list in the
		// file's order (the address book sorts by creation time, then id)
		var ids = new UUID[size];
		Arrays.setAll(ids, i -> OrderedUuid.next());
		Arrays.sort(ids);
		for (var i = 0; i < size; i++) {
			var imported = batch.get(i);
			var address = imported.address();
			lines[i] = imported.line();
			customers[i] = imported.customer().value();
			salutations[i] = strip(address.salutation());
			firstNames[i] = strip(address.firstName());
			lastNames[i] = strip(address.lastName());
			address1s[i] = strip(address.address1());
			address2s[i] = strip(address.address2());
			address3s[i] = blankToNull(address.address3());
			zipCodes[i] = strip(address.zipCode());
			cities[i] = strip(address.city());
			countries[i] = strip(address.iso2Code());
			companies[i] = blankToNull(address.company());
			phones[i] = blankToNull(address.phone());
			billings[i] = imported.defaultBilling();
			shippings[i] = imported.defaultShipping();
			firsts[i] = imported.firstOfCustomer();
		}
		jdbc.sql(
				"""
						insert into address_import_batch (line, customer_id, salutation, first_name, last_name, address1,
						    address2, address3, zip_code, city, iso2_code, company, phone, want_billing, want_shipping, first,
						  id, created)
						select u.line, u.customer_id, u.salutation, u.first_name, u.last_name, u.address1, u.address2,
						    u.address3, u.zip_code, u.city, u.iso2_code, u.company, u.phone, u.want_billing, u.want_shipping,
						  u.first, coalesce(e.id, u.new_id), e.id is null
						from unnest(?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
						    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::boolean[],
						  ?::uuid[])
						    as u (line, customer_id, salutation, first_name, last_name, address1, address2, address3, zip_code,
						          city, iso2_code, company, phone, want_billing, want_shipping, first, new_id)
						left join lateral (
						    select a.id from address_entry a
						    where a.customer_id = u.customer_id and a.salutation = u.salutation
						      and a.first_name = u.first_name and a.last_name = u.last_name and a.address1 = u.address1
						      and a.address2 = u.address2 and coalesce(a.address3, '') = coalesce(u.address3, '')
						      and a.zip_code = u.zip_code and a.city = u.city and a.iso2_code = u.iso2_code
						      and coalesce(a.company, '') = coalesce(u.company, '') and coalesce(a.phone, '') = coalesce(u.phone, '')
						    order by a.created_at, a.id
						    limit 1) e on true
						""")
			.params(lines, customers, salutations, firstNames, lastNames, address1s, address2s, address3s, zipCodes,
					cities, countries, companies, phones, billings, shippings, firsts, ids)
			.update();
	}

	private static String strip(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
