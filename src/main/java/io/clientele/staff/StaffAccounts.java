package io.clientele.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.credentials.StaffCredentials;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/**
 * Creates, finds, changes, deactivates and reactivates back-office staff accounts, with
 * the guard rails that keep at least one active admin.
 */
@Component
public class StaffAccounts {

	/** The longest display name, in characters. */
	public static final int DISPLAY_NAME_MAX_LENGTH = 100;

	private final StaffAccountRepository accounts;

	private final StaffCredentials credentials;

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffAccounts(StaffAccountRepository accounts, StaffCredentials credentials, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean anyExist() {
		return accounts.count() > 0;
	}

	public Optional<StaffSummary> findByEmail(EmailAddress email) {
		return accounts.findByEmail(email.value()).map(StaffAccount::summary);
	}

	public Optional<StaffSummary> find(UUID staffId) {
		return accounts.findById(staffId).map(StaffAccount::summary);
	}

	/** Every staff member, active or not, by name. */
	public List<StaffSummary> all() {
		return accounts.findAllByName().stream().map(StaffAccount::summary).toList();
	}

	/**
	 * Creates the first admin unless a staff account exists, one node at a time: nodes
	 * starting together on an empty database wait for each other on an advisory lock, so
	 * exactly one creates the admin and the others find it. Empty when one existed.
	 * @throws InvalidInput when the password is refused
	 */
	@Transactional
	public Optional<StaffSummary> createFirstAdmin(EmailAddress email, String displayName, String password) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('clientele.staff.first-admin'))").query().singleRow();
		if (anyExist()) {
			return Optional.empty();
		}
		return Optional.of(create(email, displayName, StaffRole.ADMIN, password));
	}

	/**
	 * {@link #create(CreateStaffMember)} for an address that is known to be valid.
	 * @throws InvalidInput when the address is taken or the name or password is refused
	 */
	@Transactional
	public StaffSummary create(EmailAddress email, String displayName, StaffRole role, String password) {
		return create(new CreateStaffMember(email.value(), displayName, role, password));
	}

	/**
	 * Creates a staff account after checking every field: a valid address no other staff
	 * member has in any case, a name, a role, and a password the full policy accepts.
	 * @throws InvalidInput with every violation, when any
	 */
	@Transactional
	public StaffSummary create(CreateStaffMember member) {
		var violations = problemsWith(member);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		var email = EmailAddress.of(member.email());
		var displayName = member.displayName().strip();
		StaffAccount account;
		try {
			account = accounts
				.save(StaffAccount.create(email, displayName, Objects.requireNonNull(member.role()), clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// another admin created the same address a moment ago
			throw new InvalidInput(List.of(Violation.of("email", "staff.email.taken")));
		}
		credentials.setPassword(account.id(), email.value(), displayName, member.password());
		return account.summary();
	}

	/**
	 * Every reason why {@link #create(CreateStaffMember)} would refuse the new staff
	 * member, on the fields {@code email}, {@code displayName}, {@code role} and
	 * {@code password}; none when it would succeed.
	 */
	public List<Violation> problemsWith(CreateStaffMember member) {
		var displayName = member.displayName().strip();
		var violations = new ArrayList<Violation>();
		var emailProblem = EmailAddress.problemWith(member.email());
		if (emailProblem.isPresent()) {
			violations.add(Violation.of("email", "staff." + emailProblem.get()));
		}
		else if (accounts.findByEmail(member.email().strip()).isPresent()) {
			violations.add(Violation.of("email", "staff.email.taken"));
		}
		violations.addAll(problemsWith(displayName, member.role()));
		violations.addAll(credentials.problemsWith(member.password(), member.email().strip(), displayName));
		return violations;
	}

	/**
	 * Changes name and role, unless the account changed since the version the admin saw.
	 * @throws StaffNotFound when there is no such account
	 * @throws StaffChangedMeanwhile when the version is not the current one
	 * @throws InvalidInput when the name or role is missing or too long
	 * @throws StaffChangeRefused when it would demote the last active admin or the acting
	 * admin
	 */
	@Transactional
	public StaffSummary change(ChangeStaffMember change, UUID actingStaffId) {
		var activeAdmins = lockActiveAdmins();
		var account = account(change.staffId()).orElseThrow(() -> new StaffNotFound(change.staffId()));
		if (account.version() != change.version()) {
			throw new StaffChangedMeanwhile(account.summary());
		}
		var displayName = change.displayName().strip();
		var violations = problemsWith(displayName, change.role());
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		var role = Objects.requireNonNull(change.role());
		if (account.role() == StaffRole.ADMIN && role != StaffRole.ADMIN) {
			guard(account, actingStaffId, activeAdmins, "staff.refused.own-role");
		}
		account.change(displayName, role);
		return save(account);
	}

	/**
	 * Deactivates the account: it can no longer log in and its open back-office sessions
	 * end at their next request. Deactivating a deactivated account does nothing.
	 * @throws StaffChangeRefused for the last active admin and for the acting admin
	 */
	@Transactional
	public StaffSummary deactivate(UUID staffId, UUID actingStaffId) {
		var activeAdmins = lockActiveAdmins();
		var account = account(staffId).orElseThrow(() -> new StaffNotFound(staffId));
		guard(account, actingStaffId, activeAdmins, "staff.refused.own-account");
		account.deactivate(clock.instant());
		return save(account);
	}

	/**
	 * Lets a deactivated staff member log in again; sessions ended by the deactivation
	 * stay ended.
	 */
	@Transactional
	public StaffSummary reactivate(UUID staffId) {
		var account = account(staffId).orElseThrow(() -> new StaffNotFound(staffId));
		account.reactivate();
		return save(account);
	}

	Optional<StaffAccount> account(UUID staffId) {
		return accounts.findById(staffId);
	}

	Optional<StaffAccount> account(EmailAddress email) {
		return accounts.findByEmail(email.value());
	}

	/**
	 * Locks the rows of the active admins until the transaction ends, so that two admins
	 * demoting or deactivating each other at once cannot both succeed: the second one
	 * waits and then counts without the first one's target.
	 */
	private List<UUID> lockActiveAdmins() {
		return jdbc
			.sql("select id from staff_account where role = 'ADMIN' and deactivated_at is null order by id for update")
			.query(UUID.class)
			.list();
	}

	private static void guard(StaffAccount target, UUID actingStaffId, List<UUID> activeAdmins, String ownKey) {
		if (target.isActiveAdmin() && activeAdmins.size() <= 1) {
			throw new StaffChangeRefused("staff.refused.last-admin");
		}
		if (target.id().equals(actingStaffId)) {
			throw new StaffChangeRefused(ownKey);
		}
	}

	private StaffSummary save(StaffAccount account) {
		try {
			return accounts.save(account).summary();
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaffChangedMeanwhile(
					account(account.id()).orElseThrow(() -> new StaffNotFound(account.id())).summary());
		}
	}

	private static List<Violation> problemsWith(String displayName, @Nullable StaffRole role) {
		var violations = new ArrayList<Violation>();
		if (displayName.isEmpty()) {
			violations.add(Violation.of("displayName", "staff.display-name.required"));
		}
		else if (displayName.codePointCount(0, displayName.length()) > DISPLAY_NAME_MAX_LENGTH) {
			violations.add(Violation.of("displayName", "staff.display-name.too-long", DISPLAY_NAME_MAX_LENGTH));
		}
		if (role == null) {
			violations.add(Violation.of("role", "staff.role.required"));
		}
		return violations;
	}

}
