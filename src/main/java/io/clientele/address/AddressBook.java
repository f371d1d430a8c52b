package io.clientele.address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerId;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/**
 * A customer's addresses. An address becomes the default billing (shipping) address when
 * asked to, or when the customer has none yet, so the first address is both; asking "not
 * default" never takes a default away. Deleting a default address leaves that default
 * empty.
 */
@Component
public class AddressBook {

	private static final String COLUMNS = "id, salutation, first_name, last_name, address1, address2, address3,"
			+ " zip_code, city, iso2_code, company, phone, default_billing, default_shipping, created_at, updated_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AddressImports imports;

	private final AuditTrail audit;

	AddressBook(JdbcClient jdbc, Clock clock, AddressImports imports, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.imports = imports;
		this.audit = audit;
	}

	/** Every rule the address breaks, all at once. */
	public List<Violation> check(AddressData address) {
		return AddressRules.check(address);
	}

	/** The customer's addresses, oldest first. */
	public List<AddressDetails> list(CustomerId customer) {
		return jdbc.sql("select " + COLUMNS + " from address_entry where customer_id = ? order by created_at, id")
			.param(customer.value())
			.query(AddressBook::details)
			.list();
	}

	/**
	 * @throws AddressNotFound when the customer has no such address
	 */
	public AddressDetails find(CustomerId customer, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from address_entry where customer_id = ? and id = ?")
			.params(customer.value(), id)
			.query(AddressBook::details)
			.optional()
			.orElseThrow(AddressNotFound::new);
	}

	/**
	 * @throws InvalidInput when {@link #check} reports anything; nothing is stored then
	 */
	@Transactional
	public AddressDetails add(CustomerId customer, AddressData address, boolean defaultBilling,
			boolean defaultShipping) {
		requireValid(address);
		lock(customer);
		var id = UUID.randomUUID();
		var now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into address_entry (id, customer_id, salutation, first_name, last_name, address1, address2,
				    address3, zip_code, city, iso2_code, company, phone, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, customer.value(), address.salutation(), strip(address.firstName()), strip(address.lastName()),
					strip(address.address1()), strip(address.address2()), blankToNull(address.address3()),
					strip(address.zipCode()), strip(address.city()), address.iso2Code(), blankToNull(address.company()),
					blankToNull(address.phone()), now, now)
			.update();
		applyDefaults(customer, id, defaultBilling, defaultShipping);
		return find(customer, id);
	}

	/**
	 * Changes the given fields and, when asked, makes the address a default.
	 * @throws AddressNotFound when the customer has no such address
	 * @throws InvalidInput when the changed address breaks a rule; nothing is stored then
	 */
	@Transactional
	public AddressDetails change(CustomerId customer, UUID id, AddressData changes, @Nullable Boolean defaultBilling,
			@Nullable Boolean defaultShipping) {
		lock(customer);
		var current = find(customer, id);
		var merged = new AddressData(pick(changes.salutation(), current.salutation()),
				pick(changes.firstName(), current.firstName()), pick(changes.lastName(), current.lastName()),
				pick(changes.address1(), current.address1()), pick(changes.address2(), current.address2()),
				pick(changes.address3(), current.address3()), pick(changes.zipCode(), current.zipCode()),
				pick(changes.city(), current.city()), pick(changes.iso2Code(), current.iso2Code()),
				pick(changes.company(), current.company()), pick(changes.phone(), current.phone()));
		requireValid(merged);
		jdbc.sql("""
				update address_entry set salutation = ?, first_name = ?, last_name = ?, address1 = ?, address2 = ?,
				    address3 = ?, zip_code = ?, city = ?, iso2_code = ?, company = ?, phone = ?, updated_at = ?
				where id = ? and customer_id = ?
				""")
			.params(merged.salutation(), strip(merged.firstName()), strip(merged.lastName()), strip(merged.address1()),
					strip(merged.address2()), blankToNull(merged.address3()), strip(merged.zipCode()),
					strip(merged.city()), merged.iso2Code(), blankToNull(merged.company()), blankToNull(merged.phone()),
					Timestamp.from(clock.instant()), id, customer.value())
			.update();
		applyDefaults(customer, id, Boolean.TRUE.equals(defaultBilling), Boolean.TRUE.equals(defaultShipping));
		return find(customer, id);
	}

	/**
	 * @throws AddressNotFound when the customer has no such address
	 */
	@Transactional
	public void remove(CustomerId customer, UUID id) {
		var deleted = jdbc.sql("delete from address_entry where id = ? and customer_id = ?")
			.params(id, customer.value())
			.update();
		if (deleted == 0) {
			throw new AddressNotFound();
		}
	}

	/**
	 * Staff's {@link #add}: the new address is on the record in the same transaction.
	 */
	@Transactional
	public AddressDetails add(CustomerId customer, AddressData address, boolean defaultBilling, boolean defaultShipping,
			AuditActor actor) {
		var added = add(customer, address, defaultBilling, defaultShipping);
		audit.record(AuditType.ADDRESS_ADDED, customer.value(), actor, null);
		return added;
	}

	/**
	 * Staff's {@link #change}: the change is on the record in the same transaction.
	 */
	@Transactional
	public AddressDetails change(CustomerId customer, UUID id, AddressData changes, @Nullable Boolean defaultBilling,
			@Nullable Boolean defaultShipping, AuditActor actor) {
		var changed = change(customer, id, changes, defaultBilling, defaultShipping);
		audit.record(AuditType.ADDRESS_CHANGED, customer.value(), actor, null);
		return changed;
	}

	/**
	 * Staff's {@link #remove}: the removal is on the record in the same transaction.
	 */
	@Transactional
	public void remove(CustomerId customer, UUID id, AuditActor actor) {
		remove(customer, id);
		audit.record(AuditType.ADDRESS_DELETED, customer.value(), actor, null);
	}

	/**
	 * Adds the addresses of one batch of a bulk import, in a few statements; the caller
	 * checked each with {@link #check} and makes the transaction (one per batch; batches
	 * may be written at the same time). An address the customer already has (equal after
	 * stripping, an empty optional field equal to none) is not added again, but becomes a
	 * default when asked to. Defaults follow {@link #add}: the customer's first address
	 * of the import becomes each default the customer lacks, one asking for a default
	 * takes it over, and "not default" never takes one away. At most one address of a
	 * customer may ask for each default in an import.
	 */
	@Transactional
	public ImportedAddresses importBatch(List<ImportedAddress> batch) {
		return imports.write(batch, clock.instant());
	}

	private void applyDefaults(CustomerId customer, UUID id, boolean billing, boolean shipping) {
		makeDefault(customer, id, "default_billing", billing);
		makeDefault(customer, id, "default_shipping", shipping);
	}

	private void makeDefault(CustomerId customer, UUID id, String column, boolean asked) {
		var hasOne = jdbc.sql("select exists(select 1 from address_entry where customer_id = ? and " + column + ")")
			.param(customer.value())
			.query(Boolean.class)
			.single();
		if (asked || !hasOne) {
			jdbc.sql("update address_entry set " + column + " = false where customer_id = ? and " + column)
				.param(customer.value())
				.update();
			jdbc.sql("update address_entry set " + column + " = true where id = ?").param(id).update();
		}
	}

	// One writer per address book at a time, so two new addresses cannot both become the
	// default.
	private void lock(CustomerId customer) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("address:" + customer.value()).query().rowSet();
	}

	private static void requireValid(AddressData address) {
		var violations = AddressRules.check(address);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	private static @Nullable String pick(@Nullable String change, @Nullable String current) {
		return change != null ? change : current;
	}

	private static String strip(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static AddressDetails details(ResultSet row, int rowNumber) throws SQLException {
		return new AddressDetails(row.getObject("id", UUID.class), row.getString("salutation"),
				row.getString("first_name"), row.getString("last_name"), row.getString("address1"),
				row.getString("address2"), row.getString("address3"), row.getString("zip_code"), row.getString("city"),
				row.getString("iso2_code"), row.getString("company"), row.getString("phone"),
				row.getBoolean("default_billing"), row.getBoolean("default_shipping"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
	}

}
