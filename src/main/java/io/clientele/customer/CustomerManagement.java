package io.clientele.customer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.shared.CustomerReference;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/** Creates and finds customer accounts. */
@Component
public class CustomerManagement {

	static final int REFERENCES_PER_QUERY = 10_000;

	private final CustomerRepository customers;

	private final CustomerSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final CustomerImports imports;

	private final AuditTrail audit;

	CustomerManagement(CustomerRepository customers, CustomerSettings settings, ApplicationEventPublisher events,
			Clock clock, JdbcClient jdbc, CustomerImports imports, AuditTrail audit) {
		this.imports = imports;
		this.audit = audit;
		this.jdbc = jdbc;
		this.customers = customers;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Every rule the data breaks; empty when {@link #register} would accept it. */
	public List<Violation> check(RegisterCustomer data) {
		return CustomerRules.check(data, java.time.LocalDate.now(clock));
	}

	/**
	 * Creates the account with the next customer reference.
	 * @throws InvalidInput when {@link #check} reports anything
	 * @throws EmailAlreadyRegistered when the address has an account, in any case
	 */
	@Transactional
	public CustomerDetails register(RegisterCustomer data) {
		var violations = check(data);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		var email = EmailAddress.of(data.email());
		if (customers.findByEmail(email.value()).isPresent()) {
			throw new EmailAlreadyRegistered();
		}
		try {
			return create(data);
		}
		catch (DuplicateKeyException raceWithAnotherRegistration) {
			throw new EmailAlreadyRegistered();
		}
	}

	/**
	 * The customer with this address, or a new one without a login for a guest's order (a
	 * guest may register later and then sees the orders). A guest needs no salutation.
	 * @throws InvalidInput when the address or the names break a rule
	 */
	@Transactional
	public CustomerDetails findOrRegisterGuest(EmailAddress email, String salutation, String firstName, String lastName,
			String locale) {
		var existing = findByEmail(email);
		if (existing.isPresent()) {
			return existing.get();
		}
		var data = new RegisterCustomer(salutation, firstName, lastName, email.value(), null, null, null, null, locale,
				false);
		var violations = check(data).stream().filter(v -> !v.field().equals("salutation")).toList();
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return create(data);
	}

	// The next reference, the row and its event: the data was checked.
	private CustomerDetails create(RegisterCustomer data) {
		var now = clock.instant();
		var reference = CustomerReference.of(settings.referencePrefix(), customers.nextReferenceNumber());
		var customer = customers.save(Customer.register(reference, data, now));
		events.publishEvent(new CustomerRegistered(customer.id(), reference, now));
		return customer.details();
	}

	/**
	 * Marks the customer's address as confirmed (double opt-in); a confirmed customer
	 * stays as is.
	 * @throws CustomerNotFound when there is no such customer
	 */
	@Transactional
	public CustomerDetails confirm(CustomerId id) {
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		customer.confirm(clock.instant());
		return customers.save(customer).details();
	}

	/**
	 * Changes the given profile fields.
	 * @throws InvalidInput when the changed profile breaks a rule; nothing is stored then
	 * @throws CustomerNotFound when there is no such customer
	 */
	@Transactional
	public CustomerDetails changeProfile(CustomerId id, ChangeProfile changes) {
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		return changeProfile(customer, changes);
	}

	/**
	 * Staff's edit: changes the profile as
	 * {@link #changeProfile(CustomerId, ChangeProfile)} does, but only if nobody changed
	 * the customer since the caller read {@code version} (the edit form): a concurrent
	 * change is never overwritten. The change is on the record in the same transaction.
	 * @throws CustomerChangedMeanwhile when the stored version differs; nothing is stored
	 */
	@Transactional
	public CustomerDetails changeProfile(CustomerId id, ChangeProfile changes, long version, AuditActor actor) {
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		if (!customer.hasVersion(version)) {
			throw new CustomerChangedMeanwhile(customer.details());
		}
		try {
			var changed = changeProfile(customer, changes);
			audit.record(AuditType.PROFILE_CHANGED, id.value(), actor, null);
			return changed;
		}
		catch (org.springframework.dao.OptimisticLockingFailureException changedInBetween) {
			throw new CustomerChangedMeanwhile(
					customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id)).details());
		}
	}

	private CustomerDetails changeProfile(Customer customer, ChangeProfile changes) {
		var violations = check(customer.asRegistration(changes));
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		customer.changeProfile(changes, clock.instant());
		return customers.save(customer).details();
	}

	/**
	 * Closes the account for good and publishes {@link CustomerAnonymized}, so that every
	 * module removes its data of the customer in the same transaction. Anonymising twice
	 * changes nothing.
	 * @throws CustomerNotFound when there is no such customer
	 */
	@Transactional
	public void anonymize(CustomerId id) {
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		var now = clock.instant();
		if (customer.anonymize(now)) {
			customers.save(customer);
			events.publishEvent(new CustomerAnonymized(id, now));
		}
	}

	/**
	 * A page of open accounts that match the query, and how many match (counted up to
	 * {@link CustomerSearch#COUNT_LIMIT}). Text is found in one trigram index over
	 * reference, address, names and company, so a part of a word is found among millions.
	 */
	public CustomerSearch search(CustomerQuery query) {
		var where = new StringBuilder(
				query.state() == CustomerQuery.State.DELETED ? " where true" : " where anonymized_at is null");
		var params = new java.util.HashMap<String, Object>();
		var text = query.text().strip().toLowerCase(java.util.Locale.ROOT);
		if (!text.isEmpty()) {
			where.append(" and lower(customer_reference || ' ' || email || ' ' || first_name || ' ' || last_name")
				.append(" || ' ' || coalesce(company, '')) like :pattern");
			params.put("pattern", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.registered() != null) {
			where.append(query.registered() ? " and registered_at is not null" : " and registered_at is null");
		}
		if (query.state() != null) {
			where.append(" and ").append(query.state().condition);
		}
		if (query.among() != null) {
			where.append(" and id = any(:among)");
			params.put("among", query.among().stream().map(CustomerId::value).toArray(java.util.UUID[]::new));
		}
		var zone = clock.getZone();
		if (query.createdFrom() != null) {
			where.append(" and created_at >= :from");
			params.put("from", java.sql.Timestamp.from(query.createdFrom().atStartOfDay(zone).toInstant()));
		}
		if (query.createdTo() != null) {
			where.append(" and created_at < :to");
			params.put("to", java.sql.Timestamp.from(query.createdTo().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		var orderBy = " order by " + query.order().orderBy(query.descending());
		List<java.util.UUID> ids = null;
		long total = -1;
		if (!text.isEmpty()) {
			// A text search usually matches a few thousand: one pass over the trigram
			// index
			// collects them (up to the count limit), counts and orders them.
			var rows = jdbc
				.sql("with matches as materialized (select * from customer" + where + " limit :cap)"
						+ " select id, (select count(*) from matches) from matches" + orderBy
						+ " offset :offset limit :limit")
				.params(params)
				.param("cap", CustomerSearch.COUNT_LIMIT + 1)
				.param("offset", query.offset())
				.param("limit", query.limit())
				.query((row, n) -> java.util.Map.entry(row.getObject(1, java.util.UUID.class), row.getLong(2)))
				.list();
			if (!rows.isEmpty()) {
				total = rows.getFirst().getValue();
				if (total <= CustomerSearch.COUNT_LIMIT) {
					ids = rows.stream().map(java.util.Map.Entry::getKey).toList();
				}
			}
		}
		if (ids == null) {
			// many matches (or a page past the end): the order's index finds the page
			ids = jdbc.sql("select id from customer" + where + orderBy + " offset :offset limit :limit")
				.params(params)
				.param("offset", query.offset())
				.param("limit", query.limit())
				.query(java.util.UUID.class)
				.list();
		}
		if (total < 0) {
			total = jdbc.sql("select count(*) from (select 1 from customer" + where + " limit :cap) matches")
				.params(params)
				.param("cap", CustomerSearch.COUNT_LIMIT + 1)
				.query(Long.class)
				.single();
		}
		var found = customers.findAllById(ids)
			.stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.id().value(), Customer::details));
		return new CustomerSearch(ids.stream().map(found::get).toList(), Math.min(total, CustomerSearch.COUNT_LIMIT),
				total > CustomerSearch.COUNT_LIMIT, query.offset(), query.limit());
	}

	/** Counts for the back office's dashboard. */
	public CustomerStatistics statistics() {
		return jdbc
			.sql("select count(*), count(registered_at), count(*) filter (where confirmed_at is null),"
					+ " count(*) filter (where blocked_at is not null) from customer where anonymized_at is null")
			.query((rs, row) -> new CustomerStatistics(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/**
	 * Gives the customer the new address they proved to own; it counts as confirmed.
	 * @throws EmailAlreadyRegistered when another account has the address, in any case
	 * @throws CustomerNotFound when there is no such customer
	 */
	@Transactional
	public CustomerDetails changeEmail(CustomerId id, EmailAddress email) {
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		var owner = customers.findByEmail(email.value());
		if (owner.isPresent() && !owner.get().id().equals(id)) {
			throw new EmailAlreadyRegistered();
		}
		customer.changeEmail(email, clock.instant());
		try {
			return customers.save(customer).details();
		}
		catch (DuplicateKeyException raceWithARegistration) {
			throw new EmailAlreadyRegistered();
		}
	}

	/** The shipping methods a customer may prefer. */
	public java.util.List<String> shippingMethods() {
		return settings.shippingMethods();
	}

	/**
	 * Changes the customer's language (of the pages and of every later mail), preferred
	 * shipping method and consent to marketing mails.
	 * @throws InvalidInput for a language or shipping method not offered
	 * @throws CustomerNotFound when there is no such customer
	 */
	@Transactional
	public CustomerDetails changePreferences(CustomerId id, String locale, @Nullable String shippingMethod,
			boolean marketingConsent) {
		var violations = new java.util.ArrayList<Violation>();
		var parsed = CustomerLocale.parse(locale);
		if (parsed.isEmpty()) {
			violations.add(Violation.of("locale", "locale.invalid"));
		}
		var method = shippingMethod == null || shippingMethod.isBlank() ? null : shippingMethod;
		if (method != null && !settings.shippingMethods().contains(method)) {
			violations.add(Violation.of("shippingMethod", "shipping-method.invalid"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		customer.changePreferences(parsed.orElseThrow(), method, marketingConsent, clock.instant());
		return customers.save(customer).details();
	}

	/**
	 * Marks the account as having a login, when its first password is stored (credentials
	 * calls this); a second call changes nothing.
	 */
	@Transactional
	public void markRegistered(CustomerId id) {
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		if (customer.markRegistered(clock.instant())) {
			customers.save(customer);
		}
	}

	/**
	 * Staff's block or unblock of the account's login, on the record; blocking publishes
	 * {@link CustomerBlocked} so that sessions and tokens end at once.
	 * @throws CustomerNotFound when there is no such customer
	 */
	@Transactional
	public CustomerDetails block(CustomerId id, boolean blocked, AuditActor actor) {
		var customer = customers.findById(id.value()).orElseThrow(() -> new CustomerNotFound(id));
		var now = clock.instant();
		var wasBlocked = customer.details().blocked();
		customer.block(blocked, now);
		var saved = customers.save(customer).details();
		if (blocked && !wasBlocked) {
			events.publishEvent(new CustomerBlocked(id, now));
		}
		audit.record(blocked ? AuditType.BLOCKED : AuditType.UNBLOCKED, id.value(), actor, null);
		return saved;
	}

	public Optional<CustomerDetails> find(CustomerId id) {
		return customers.findById(id.value()).map(Customer::details);
	}

	/** The customers of the ids that exist, in one query. */
	public List<CustomerDetails> findAll(java.util.Collection<CustomerId> ids) {
		return customers.findAllById(ids.stream().map(CustomerId::value).toList())
			.stream()
			.map(Customer::details)
			.toList();
	}

	/**
	 * Creates and updates the customers of one batch of a bulk import, in a few
	 * statements: the caller checked each with {@link #check(RegisterCustomer)} and makes
	 * the transaction (one per batch, so that a killed import leaves whole batches). No
	 * events are published and no mails sent, as with Spryker's importer.
	 * @param dryRun whether the caller rolls the transaction back: what a rollback does
	 * not undo (the reference sequence) is then left alone
	 */
	@Transactional
	public ImportedCustomers importBatch(List<ImportedCustomer> batch, boolean dryRun) {
		return imports.write(batch, clock.instant(), dryRun);
	}

	/**
	 * Up to {@code limit} open accounts in the order they were created, after the given
	 * one (or from the first): an export pages through every customer with it.
	 */
	public List<CustomerDetails> openAccountsAfter(@Nullable CustomerDetails after, int limit) {
		var createdAt = after == null ? java.time.Instant.EPOCH.minusSeconds(1) : after.createdAt();
		var id = after == null ? new java.util.UUID(Long.MIN_VALUE, Long.MIN_VALUE) : after.id().value();
		return customers.findOpenAfter(java.sql.Timestamp.from(createdAt), id, limit)
			.stream()
			.map(Customer::details)
			.toList();
	}

	/**
	 * Up to {@code limit} open (not anonymised) accounts in the order of their ids, after
	 * {@code after} (from the first when null): bulk mails page through every customer
	 * with it. Blocked accounts are included.
	 */
	public List<CustomerContact> openContactsAfter(@Nullable CustomerId after, int limit) {
		var contacts = "select id, email, first_name, last_name, locale from customer where anonymized_at is null";
		var page = after == null ? jdbc.sql(contacts + " order by id limit ?").param(limit)
				: jdbc.sql(contacts + " and id > ? order by id limit ?").params(after.value(), limit);
		return page
			.query((row, n) -> new CustomerContact(new CustomerId(row.getObject("id", java.util.UUID.class)),
					EmailAddress.of(row.getString("email")), row.getString("first_name"), row.getString("last_name"),
					CustomerLocale.parse(row.getString("locale")).orElse(CustomerLocale.EN_US)))
			.list();
	}

	/**
	 * The ids of up to {@code limit} open accounts after the given one, as
	 * {@link #openContactsAfter} pages them: for counting through every customer.
	 */
	public List<CustomerId> openIdsAfter(@Nullable CustomerId after, int limit) {
		var ids = "select id from customer where anonymized_at is null";
		var page = after == null ? jdbc.sql(ids + " order by id limit ?").param(limit)
				: jdbc.sql(ids + " and id > ? order by id limit ?").params(after.value(), limit);
		return page.query((row, n) -> new CustomerId(row.getObject(1, java.util.UUID.class))).list();
	}

	/** Finds the account of an address regardless of its case. */
	public Optional<CustomerDetails> findByEmail(EmailAddress email) {
		return customers.findByEmail(email.value()).map(Customer::details);
	}

	public Optional<CustomerDetails> findByReference(CustomerReference reference) {
		return customers.findByReference(reference.value()).map(Customer::details);
	}

	/**
	 * The accounts of the given references, deleted ones included, in one indexed query
	 * per 10,000 references: bulk imports resolve a batch's references with it. A
	 * reference of no account is not in the map.
	 */
	public java.util.Map<CustomerReference, ReferencedCustomer> findAllByReference(
			java.util.Collection<CustomerReference> references) {
		var found = new java.util.HashMap<CustomerReference, ReferencedCustomer>();
		var values = references.stream().map(CustomerReference::value).distinct().toArray(String[]::new);
		for (var from = 0; from < values.length; from += REFERENCES_PER_QUERY) {
			var chunk = java.util.Arrays.copyOfRange(values, from,
					Math.min(values.length, from + REFERENCES_PER_QUERY));
			jdbc.sql("select customer_reference, id, anonymized_at is not null from customer"
					+ " where customer_reference = any(?::text[])")
				.param(chunk)
				.query((java.sql.ResultSet row) -> {
					found.put(CustomerReference.of(row.getString(1)), new ReferencedCustomer(
							new CustomerId(row.getObject(2, java.util.UUID.class)), row.getBoolean(3)));
				});
		}
		return found;
	}

	/**
	 * Finds the account of a reference as typed or taken from a path; anything malformed
	 * finds none.
	 */
	public Optional<CustomerDetails> findByReference(String reference) {
		try {
			return findByReference(CustomerReference.of(reference.strip()));
		}
		catch (IllegalArgumentException notAReference) {
			return Optional.empty();
		}
	}

	/** Whether any account exists at all (an empty database gets demo data). */
	public boolean anyExist() {
		return customers.anyExist();
	}

}
