package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.address.AddressBook;
import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditFilter;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.authentication.CustomerLogin;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The customer list's filters and sorting, the customer page's tabs, and the audit trail,
 * over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeCustomerPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	CustomerLogin login;

	@Autowired
	AddressBook addresses;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffAccounts staffAccounts;

	String adminEmail;

	// an admin of its own, with the authenticator app admins must have
	WebClient admin() {
		adminEmail = BackofficeLogins.newAdmin(staffAccounts).email().value();
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, adminEmail, BackofficeLogins.PASSWORD);
		return browser;
	}

	CustomerDetails guest(String lastName) {
		return customers.register(new RegisterCustomer("Mr", "Gus", lastName, Shoppers.uniqueEmail(), null, null, null,
				null, "en_US", false));
	}

	CustomerDetails registered(String lastName) {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		return customers.changeProfile(customer.id(),
				new io.clientele.customer.ChangeProfile(null, null, lastName, null, null, null, null));
	}

	@Test
	void theListFiltersByRegisteredStatusAndCreationAndSortsByEveryColumn() {
		var marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
		var withLogin = registered(marker + "b");
		var withoutLogin = guest(marker + "a");
		var blocked = registered(marker + "c");
		customers.block(blocked.id(), true, AuditActor.console());
		var browser = admin();
		var list = "/backoffice/customers?q=" + marker;

		assertThat(browser.get(list + "&registered=yes").body()).contains(withLogin.reference().value())
			.doesNotContain(withoutLogin.reference().value() + "<");
		assertThat(browser.get(list + "&registered=no").body()).contains(withoutLogin.reference().value())
			.doesNotContain(withLogin.reference().value() + "<");
		assertThat(browser.get(list + "&status=blocked").body()).contains(blocked.reference().value() + "<")
			.doesNotContain(withLogin.reference().value() + "<");
		assertThat(browser.get(list + "&status=unconfirmed").body()).contains(withoutLogin.reference().value() + "<")
			.doesNotContain(withLogin.reference().value() + "<");
		assertThat(browser.get(list + "&createdFrom=2000-01-01&createdTo=2000-12-31").body()).contains("No customers");

		var ascending = browser.get(list + "&sort=lastName&dir=asc").body();
		assertThat(ascending.indexOf(marker + "a<")).isLessThan(ascending.indexOf(marker + "b<"));
		var descending = browser.get(list + "&sort=lastName&dir=desc").body();
		assertThat(descending.indexOf(marker + "b<")).isLessThan(descending.indexOf(marker + "a<"));
		for (var column : BackofficeCustomerController.SORTS) {
			for (var dir : new String[] { "asc", "desc" }) {
				assertThat(browser.get(list + "&sort=" + column + "&dir=" + dir).body()).as(column)
					.contains(withLogin.reference().value() + "<");
			}
		}
	}

	@Test
	void aLockedAccountIsListedAsLockedAndCanBeUnlocked() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		for (int i = 0; i < 10; i++) {
			login.attempt(email, "wrong-password-" + i, io.clientele.credentials.LoginAttempt.unknownClient(),
					io.clientele.multifactor.SecondFactorProof.none());
		}
		var browser = admin();
		assertThat(browser.get("/backoffice/customers?status=locked").body()).contains(customer.reference().value());
		assertThat(browser.get("/backoffice").body()).contains("Locked now");
		var page = "/backoffice/customers/" + customer.reference().value();
		assertThat(browser.get(page + "/login-details").body()).contains("id=\"unlock\"");
		browser.post(page + "/unlock", Map.of());
		assertThat(login.isLockedOut(email)).isFalse();
		assertThat(audit.find(AuditFilter.customer(customer.id().value()), 0, 50).entries()).extracting(e -> e.type())
			.contains(AuditType.LOGIN_FAILED, AuditType.LOCKED_OUT, AuditType.UNLOCKED);
	}

	@Test
	void badFilterValuesAreReportedAndIgnored() {
		var body = admin().get("/backoffice/customers?createdFrom=yesterday&sort=nonsense&page=-3&status=x").body();
		assertThat(body).contains("is not a date").contains("id=\"customers\"");
		assertThat(admin().get("/backoffice/activity?type=NOPE&customer=XX--0&from=soon").body())
			.contains("There is no such kind of event", "No customer has this reference", "is not a date");
	}

	@Test
	void staffCreateACustomerWithFieldErrorsFirstAndWithoutALink() {
		var browser = admin();
		browser.get("/backoffice/customers/new");
		var invalid = browser.post("/backoffice/customers", Map.of("salutation", "", "firstName", "", "lastName", "X",
				"email", "not-an-address", "locale", "en_US", "dateOfBirth", "31.02.1990"));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("Please choose a salutation.", "Please enter a name.",
				"Please enter a date of birth between 1900 and today.", "value=\"X\"");

		var email = Shoppers.uniqueEmail();
		var created = browser.post("/backoffice/customers", Map.of("salutation", "Ms", "firstName", "Ada", "lastName",
				"Lovelace", "email", email, "locale", "de_DE", "dateOfBirth", "1990-02-03"));
		assertThat(created.status()).isEqualTo(302);
		var customer = customers.findByEmail(io.clientele.shared.EmailAddress.of(email)).orElseThrow();
		assertThat(customer.registered()).isFalse();
		assertThat(customer.dateOfBirth()).hasToString("1990-02-03");
		assertThat(browser.follow(created).body()).contains("created without a login");

		var taken = browser.post("/backoffice/customers", Map.of("salutation", "Ms", "firstName", "Ada", "lastName",
				"Lovelace", "email", email.toUpperCase(java.util.Locale.ROOT), "locale", "en_US"));
		assertThat(taken.body()).contains("A customer with this email address exists already.");
	}

	@Test
	void aStaleVersionConflictsAndTheStoredDetailsStay() {
		var customer = registered("Stale");
		var browser = admin();
		var page = "/backoffice/customers/" + customer.reference().value();
		browser.get(page + "/edit");
		var fields = new HashMap<>(Map.of("salutation", "Mr", "firstName", "Tom", "lastName", "Stale", "company",
				"Old version Ltd", "version", String.valueOf(customer.version() - 1)));
		var answer = browser.post(page + "/edit", fields);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Someone changed this customer", "Old version Ltd");
		assertThat(customers.find(customer.id()).orElseThrow().company()).isNull();
	}

	@Test
	void addressesAreAddedEditedMadeDefaultAndDeletedWithFieldErrors() {
		var customer = registered("Addresses");
		var browser = admin();
		var tab = "/backoffice/customers/" + customer.reference().value() + "/addresses";
		browser.get(tab + "/new");
		var invalid = browser.post(tab, Map.of("salutation", "Mr", "firstName", "A", "lastName", "B", "address1", "",
				"address2", "1", "zipCode", "10115", "city", "Be", "iso2Code", "DE"));
		assertThat(invalid.body()).contains("Please fill in this field.", "At least 3 characters, please.");
		assertThat(addresses.list(customer.id())).isEmpty();

		browser.post(tab, Map.of("salutation", "Mr", "firstName", "A", "lastName", "B", "address1", "Main Street",
				"address2", "1", "zipCode", "10115", "city", "Berlin", "iso2Code", "DE", "defaultBilling", "true"));
		var address = addresses.list(customer.id()).getFirst();
		assertThat(address.defaultBilling()).isTrue();
		browser.post(tab + "/" + address.id(),
				Map.of("salutation", "Mr", "firstName", "A", "lastName", "B", "address1", "Side Street", "address2",
						"2", "zipCode", "10115", "city", "Berlin", "iso2Code", "DE", "defaultShipping", "true"));
		var changed = addresses.list(customer.id()).getFirst();
		assertThat(changed.address1()).isEqualTo("Side Street");
		assertThat(changed.defaultBilling()).as("a default stays").isTrue();
		assertThat(changed.defaultShipping()).isTrue();
		assertThat(browser.get(tab + "/" + UUID.randomUUID()).status()).isEqualTo(404);
		browser.post(tab + "/" + address.id() + "/delete", Map.of());
		assertThat(addresses.list(customer.id())).isEmpty();
	}

	@Test
	void unknownCustomersOrdersAndAddressesGive404AndChangesNeedCsrf() {
		var browser = admin();
		assertThat(browser.get("/backoffice/customers/DE--999999999").status()).isEqualTo(404);
		assertThat(browser.get("/backoffice/customers/nonsense/activity").status()).isEqualTo(404);
		assertThat(browser.get("/backoffice/groups/not-a-uuid").status()).isEqualTo(404);
		assertThat(browser.get("/backoffice/customers?page=abc&group=nonsense").status()).isEqualTo(200);
		assertThat(browser.get("/backoffice/activity?page=x").status()).isEqualTo(200);
		var customer = registered("Csrf");
		assertThat(browser.get("/backoffice/customers/" + customer.reference().value() + "/orders/NOPE").status())
			.isEqualTo(404);
		assertThat(
				browser.get("/backoffice/customers/" + customer.reference().value() + "/addresses/not-a-uuid").status())
			.isEqualTo(404);
		assertThat(browser
			.postWithoutCsrfToken("/backoffice/customers/" + customer.reference().value() + "/block",
					Map.of("blocked", "true"))
			.status()).isEqualTo(403);
		assertThat(customers.find(customer.id()).orElseThrow().blocked()).isFalse();
	}

	@Test
	void theAuditTrailRecordsStaffActionsAndSecurityEventsAndIsAppendOnly() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		login.attempt(email, Shoppers.PASSWORD, new io.clientele.credentials.LoginAttempt("203.0.113.9", null),
				io.clientele.multifactor.SecondFactorProof.none());
		var browser = admin();
		var page = "/backoffice/customers/" + customer.reference().value();
		browser.get(page + "/login-details");
		browser.post(page + "/block", Map.of("blocked", "true"));
		browser.post(page + "/notes", Map.of("text", "Asked for a callback"));

		var entries = audit.find(AuditFilter.customer(customer.id().value()), 0, 50).entries();
		assertThat(entries).extracting(e -> e.type())
			.containsSubsequence(AuditType.NOTE_ADDED, AuditType.BLOCKED, AuditType.LOGIN_SUCCEEDED);
		var block = entries.stream().filter(e -> e.type() == AuditType.BLOCKED).findFirst().orElseThrow();
		assertThat(block.actor()).isEqualTo(adminEmail);
		assertThat(block.clientAddress()).isEqualTo("127.0.0.1");
		assertThat(entries.stream().filter(e -> e.type() == AuditType.LOGIN_SUCCEEDED).findFirst().orElseThrow())
			.satisfies(e -> assertThat(e.clientAddress()).isEqualTo("203.0.113.9"));
		assertThat(
				jdbc.sql("select string_agg(coalesce(detail, ''), ' ') from audit_entry").query(String.class).single())
			.as("no password in the trail")
			.doesNotContain(Shoppers.PASSWORD);

		assertThat(browser.get(page + "/activity").body()).contains("Login blocked", "Note added", "203.0.113.9");
		assertThat(
				browser.get("/backoffice/activity?customer=" + customer.reference().value() + "&type=BLOCKED").body())
			.contains("Login blocked")
			.doesNotContain("<td>Note added</td>");
		assertThat(browser.get("/backoffice/activity?actor=" + adminEmail.substring(0, 12) + "&type=NOTE_ADDED").body())
			.contains(customer.reference().value());

		assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'x'").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void theDashboardShowsTheFigures() {
		var body = admin().get("/backoffice").body();
		assertThat(body).contains("Customers", "Registered (with a login)", "Unconfirmed", "Locked now",
				"Password resets requested today", "Mails queued", "Mails failed");
		var statistics = customers.statistics();
		assertThat(statistics.registered()).isLessThanOrEqualTo(statistics.customers());
	}

}
