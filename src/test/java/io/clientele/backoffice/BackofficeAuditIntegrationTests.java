package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.address.AddressBook;
import io.clientele.audit.AuditType;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.groups.CustomerGroups;
import io.clientele.notes.CustomerNotes;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * Every back-office action is on the audit trail in the acting staff member's name, in
 * the action's own transaction: an entry that cannot be written undoes the action.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeAuditIntegrationTests {

	static final String STAFF_PASSWORD = "violet-lantern-orchard-3";

	static final String NEW_PASSWORD = "amber-quarry-whistle-92";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AddressBook addresses;

	@Autowired
	CustomerNotes notes;

	@Autowired
	CustomerGroups groups;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	record Admin(String email, WebClient browser) {
	}

	Admin admin() {
		var address = "admin-" + Shoppers.uniqueEmail();
		staff.create(EmailAddress.of(address), "Ada Admin", StaffRole.ADMIN, STAFF_PASSWORD);
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, address, STAFF_PASSWORD);
		return new Admin(address, browser);
	}

	static Map<String, String> address(String street) {
		return Map.of("salutation", "Ms", "firstName", "Ann", "lastName", "Lee", "address1", street, "address2", "1",
				"zipCode", "10115", "city", "Berlin", "iso2Code", "DE");
	}

	@Test
	void everyBackofficeActionIsAuditedWithTheActingStaffMember() {
		var admin = admin();
		var browser = admin.browser();
		browser.get("/backoffice/customers/new");
		var email = Shoppers.uniqueEmail();
		var created = browser.post("/backoffice/customers", Map.of("salutation", "Ms", "firstName", "Ann", "lastName",
				"Lee", "email", email, "locale", "en_US", "sendLink", "true"));
		var customer = customers.findByEmail(EmailAddress.of(email)).orElseThrow();
		var page = "/backoffice/customers/" + customer.reference().value();
		assertThat(created.location()).hasValueSatisfying(l -> assertThat(l).endsWith(page));

		browser.get(page + "/edit");
		browser.post(page + "/edit", Map.of("salutation", "Ms", "firstName", "Ann", "lastName", "Lee-Smith", "version",
				String.valueOf(customer.version())));
		browser.post(page + "/addresses", address("Erste Straße"));
		var addressId = addresses.list(customer.id()).get(0).id();
		browser.post(page + "/addresses/" + addressId, address("Zweite Straße"));
		browser.post(page + "/addresses/" + addressId + "/delete", Map.of());
		browser.post(page + "/notes", Map.of("text", "Asked for a callback"));
		var group = groups.create("Audited " + UUID.randomUUID().toString().substring(0, 8), null);
		browser.post(page + "/groups", Map.of("group", group.id().toString()));
		browser.post(page + "/groups/" + group.id() + "/remove", Map.of());
		browser.post("/backoffice/groups/" + group.id() + "/members", Map.of("customer", email));
		browser.post("/backoffice/groups/" + group.id() + "/members/" + customer.reference().value() + "/remove",
				Map.of());
		browser.post(page + "/create-login", Map.of());
		browser.post(page + "/send-reset-link", Map.of());
		browser.post(page + "/set-password",
				Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD, "mustChange", "false"));
		browser.post(page + "/require-password-change", Map.of());
		browser.post(page + "/generate-password", Map.of());
		browser.post(page + "/unlock", Map.of());
		browser.post(page + "/block", Map.of("blocked", "true"));
		browser.post(page + "/block", Map.of("blocked", "false"));
		assertThat(browser.get("/backoffice/customers/export").status()).isEqualTo(200);
		browser.post(page + "/delete", Map.of());

		var entries = jdbc.sql("select type, actor, client_address from audit_entry where customer_id = ? order by id")
			.param(customer.id().value())
			.query((row, n) -> List.of(row.getString(1), row.getString(2), String.valueOf(row.getString(3))))
			.list();
		assertThat(entries).extracting(entry -> entry.get(0))
			.containsExactly(AuditType.CUSTOMER_CREATED.name(), AuditType.LOGIN_LINK_SENT.name(),
					AuditType.PROFILE_CHANGED.name(), AuditType.ADDRESS_ADDED.name(), AuditType.ADDRESS_CHANGED.name(),
					AuditType.ADDRESS_DELETED.name(), AuditType.NOTE_ADDED.name(), AuditType.GROUP_ADDED.name(),
					AuditType.GROUP_REMOVED.name(), AuditType.GROUP_ADDED.name(), AuditType.GROUP_REMOVED.name(),
					AuditType.LOGIN_LINK_SENT.name(), AuditType.RESET_LINK_SENT.name(), AuditType.PASSWORD_SET.name(),
					AuditType.PASSWORD_CHANGE_REQUIRED.name(), AuditType.PASSWORD_GENERATED.name(),
					AuditType.UNLOCKED.name(), AuditType.BLOCKED.name(), AuditType.UNBLOCKED.name(),
					AuditType.ACCOUNT_DELETED.name());
		assertThat(entries).as("every entry names the acting staff member and where they were")
			.allSatisfy(entry -> assertThat(entry.subList(1, 3)).containsExactly(admin.email(), "127.0.0.1"));
		assertThat(jdbc
			.sql("select count(*) from audit_entry where type = 'CUSTOMERS_EXPORTED' and actor = ?"
					+ " and customer_id is null and client_address = '127.0.0.1'")
			.param(admin.email())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aStaffActionWhoseAuditEntryCannotBeWrittenIsRolledBack() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var page = "/backoffice/customers/" + customer.reference().value();
		var admin = admin();
		var browser = admin.browser();
		browser.get(page);
		var mailsBefore = mailsOf(customer);
		var hashBefore = hashOf(customer);
		// the trail refuses this staff member's entries, as a full disk or a broken
		// connection would refuse any insert; other tests' entries pass
		jdbc.sql("""
				create or replace function test_refuse_audit() returns trigger language plpgsql as $$
				begin
				    if new.actor = '%s' then
				        raise exception 'the audit trail refuses this entry';
				    end if;
				    return new;
				end $$""".formatted(admin.email())).update();
		jdbc.sql("create trigger test_refuse_audit before insert on audit_entry for each row"
				+ " execute function test_refuse_audit()")
			.update();
		try {
			var blocked = browser.post(page + "/block", Map.of("blocked", "true"));
			browser.post(page + "/notes", Map.of("text", "Unaudited note"));
			browser.post(page + "/addresses", address("Dritte Straße"));
			browser.post(page + "/send-reset-link", Map.of());
			browser.post(page + "/set-password",
					Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD, "mustChange", "true"));
			browser.post(page + "/delete", Map.of());

			assertThat(blocked.status()).isEqualTo(500);
		}
		finally {
			jdbc.sql("drop trigger test_refuse_audit on audit_entry").update();
			jdbc.sql("drop function test_refuse_audit()").update();
		}

		var after = customers.find(customer.id()).orElseThrow();
		assertThat(after.blocked()).as("not blocked").isFalse();
		assertThat(after.anonymized()).as("not deleted").isFalse();
		assertThat(notes.findAll(customer.id())).as("no note").isEmpty();
		assertThat(addresses.list(customer.id())).as("no address").isEmpty();
		assertThat(mailsOf(customer)).as("no reset link, no password-changed notice").isEqualTo(mailsBefore);
		assertThat(hashOf(customer)).as("the password is the old one").isEqualTo(hashBefore);
		// (the admin's own entry of enrolling their authenticator app is about no
		// customer)
		assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and customer_id = ?")
			.params(admin.email(), customer.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	private String hashOf(CustomerDetails customer) {
		return jdbc.sql("select hash from credentials_password where owner_id = ?")
			.param(customer.id().value())
			.query(String.class)
			.single();
	}

	private long mailsOf(CustomerDetails customer) {
		return jdbc.sql("select count(*) from notification_outbox where customer_id = ?")
			.param(customer.id().value())
			.query(Long.class)
			.single();
	}

}
