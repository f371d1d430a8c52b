package io.clientele.backoffice;

import static io.clientele.backoffice.BackofficeImportIntegrationTests.IMPORT;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.bytes;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.counts;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.finished;
import static io.clientele.backoffice.BackofficeImportIntegrationTests.rowErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.address.AddressBook;
import io.clientele.address.AddressDetails;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.groups.CustomerGroups;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The back office's import page for addresses and customer groups, over real HTTP: the
 * same upload, dry run, import and failed-row list as for customers, chosen by what the
 * file holds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeAddressAndGroupImportIntegrationTests {

	static final String ADDRESS_HEADER = "customer_reference,salutation,first_name,last_name,company,address1,"
			+ "address2,address3,zip_code,city,iso2_code,phone,is_default_billing,is_default_shipping";

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AddressBook addresses;

	@Autowired
	CustomerGroups groups;

	@Autowired
	JdbcClient jdbc;

	CustomerDetails customer() {
		return customers
			.register(RegisterCustomer.fromStorefront("Ms", "Ida", "Import", Shoppers.uniqueEmail(), "en_US"));
	}

	@Test
	void theFormOffersCustomersAddressesAndGroupsEachWithItsHeaderCustomersChosen() {
		var browser = admin();

		var page = Jsoup.parse(browser.get(IMPORT).body());

		assertThat(page.select("input[name=kind]").eachAttr("value")).containsExactly("customers", "addresses",
				"groups");
		assertThat(page.select("input[name=kind][checked]").attr("value")).isEqualTo("customers");
		assertThat(page.select("#expected-header-addresses").text()).isEqualTo(ADDRESS_HEADER);
		assertThat(page.select("#expected-header-groups").text())
			.isEqualTo("group_name,description,customer_references");
		assertThat(Jsoup.parse(browser.get(IMPORT + "?kind=groups").body())
			.select("input[name=kind][checked]")
			.attr("value")).isEqualTo("groups");
		assertThat(browser.get(IMPORT + "?kind=orders").status()).isEqualTo(400);
	}

	@Test
	void anAddressFileIsCheckedThenImportedWithItsRowErrorsAndAudited() {
		var ida = customer();
		var reference = ida.reference().value();
		var csv = String.join("\n", ADDRESS_HEADER, //
				reference + ",Ms,Ida,Import,,Hauptstraße,1,,10115,Berlin,DE,,,", // line 2
				reference + ",Ms,Ida,Import,ACME,Werkstraße,7,,20095,Hamburg,DE,,1,0", // line
																						// 3
				"NOBODY--1,Ms,Ida,Import,,Hauptstraße,1,,10115,Berlin,DE,,,", // line 4
				reference + ",Ms,Ida,Import,,Nebenweg,1,,10115,Berlin,Deutschland,,,") + "\n"; // line
																								// 5
		var browser = admin();
		browser.get(IMPORT);

		var uploaded = browser.upload(IMPORT, Map.of("kind", "addresses"), "addresses.csv", bytes(csv));
		var dryRun = Jsoup.parse(browser.follow(uploaded).body());

		assertThat(dryRun.select("#file-kind").text()).isEqualTo("Addresses");
		assertThat(counts(dryRun)).containsEntry("rows", "4")
			.containsEntry("created", "2")
			.containsEntry("failed", "2");
		assertThat(rowErrors(dryRun)).containsExactly(
				"5 | iso2_code | \"Deutschland\" is not a two-letter country code (ISO 3166-1, upper case), such as DE",
				"4 | customer_reference | no customer has the reference NOBODY--1");
		assertThat(addresses.list(ida.id())).as("a dry run writes nothing").isEmpty();

		var started = browser.post(uploaded.location().orElseThrow(), Map.of());
		var done = Jsoup.parse(finished(browser, started.location().orElseThrow()).body());

		assertThat(counts(done)).containsEntry("created", "2").containsEntry("failed", "2");
		assertThat(addresses.list(ida.id()))
			.extracting(AddressDetails::city, AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Berlin", false, true),
					org.assertj.core.groups.Tuple.tuple("Hamburg", true, false));
		assertThat(lastAudit("ADDRESSES_IMPORTED"))
			.isEqualTo("addresses.csv: 4 rows, 2 created, 0 updated, 0 unchanged, 2 failed");
	}

	@Test
	void aGroupFileIsCheckedThenImportedAndAudited() {
		var ida = customer();
		var bob = customer();
		var name = "Wholesale " + UUID.randomUUID().toString().substring(0, 8);
		var csv = "group_name,description,customer_references\n" + name + ",Resellers,\"" + ida.reference().value()
				+ " " + bob.reference().value() + "\"\n" + name + " too,,NOBODY--1\n";
		var browser = admin();
		browser.get(IMPORT);

		var uploaded = browser.upload(IMPORT, Map.of("kind", "groups", "plaintextPasswords", "true"), "groups.csv",
				bytes(csv));
		var dryRun = Jsoup.parse(browser.follow(uploaded).body());

		assertThat(dryRun.select("#file-kind").text()).isEqualTo("Customer groups");
		assertThat(dryRun.select("#dry-run").text()).as("clear passwords are a customer file's option")
			.doesNotContain("clear passwords");
		assertThat(rowErrors(dryRun)).containsExactly("3 | customer_references | NOBODY--1 is not a customer"
				+ " (1 of 1 reference); nothing of this row was imported");
		var started = browser.post(uploaded.location().orElseThrow(), Map.of());
		var done = Jsoup.parse(finished(browser, started.location().orElseThrow()).body());

		assertThat(counts(done)).containsEntry("created", "1").containsEntry("failed", "1");
		var group = groups.all().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
		assertThat(groups.members(group.id())).containsExactlyInAnyOrder(ida.id(), bob.id());
		assertThat(lastAudit("GROUPS_IMPORTED"))
			.isEqualTo("groups.csv: 2 rows, 1 created, 0 updated, 0 unchanged, 1 failed");
	}

	@Test
	void aFileOfAnotherKindIsRefusedWithTheChosenKindsHeaderAndTheChoiceKept() {
		var browser = admin();
		browser.get(IMPORT);

		var refused = browser.upload(IMPORT, Map.of("kind", "addresses"), "customer.csv",
				bytes(BackofficeImportIntegrationTests.HEADER + "\n"));

		assertThat(refused.status()).isEqualTo(422);
		var page = Jsoup.parse(refused.body());
		assertThat(page.select("#refusal").text()).contains("The header is not the expected one.")
			.contains(ADDRESS_HEADER);
		assertThat(page.select("input[name=kind][checked]").attr("value")).isEqualTo("addresses");
	}

	private String lastAudit(String type) {
		return jdbc.sql("select detail from audit_entry where type = ? and actor = ? order by id desc limit 1")
			.params(type, adminEmail)
			.query(String.class)
			.single();
	}

	@Autowired
	StaffAccounts staff;

	// the address of the test's admin, who acts in the audit trail
	String adminEmail;

	// an admin of the test's own, with the authenticator app admins must have
	WebClient admin() {
		adminEmail = BackofficeLogins.newAdmin(staff).email().value();
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, adminEmail, BackofficeLogins.PASSWORD);
		return browser;
	}

}
