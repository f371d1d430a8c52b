package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.audit.AuditActor;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.groups.CustomerGroups;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * Customer groups in the back office: names, members from both sides, and what closes
 * them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeGroupsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerGroups groups;

	@Autowired
	CustomerManagement customers;

	@Autowired
	StaffAccounts staffAccounts;

	WebClient staff() {
		return BackofficeLogins.signedInAdmin(port, staffAccounts);
	}

	static String uniqueName() {
		return "Wholesale " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aGroupIsCreatedGetsMembersFromBothSidesAndCountsThem() {
		var browser = staff();
		var name = uniqueName();
		var first = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var secondEmail = Shoppers.uniqueEmail();
		var second = Accounts.confirmedCustomer(signUp, secondEmail);
		browser.get("/backoffice/groups");

		var created = browser.post("/backoffice/groups", Map.of("name", name, "description", "B2B resellers"));
		var groupPath = created.location().orElseThrow().replaceFirst("^https?://[^/]+", "");
		var groupId = UUID.fromString(groupPath.substring(groupPath.lastIndexOf('/') + 1));
		browser.get(groupPath);
		browser.post(groupPath + "/members", Map.of("customer", first.reference().value()));
		browser.get("/backoffice/customers/" + second.reference().value());
		browser.post("/backoffice/customers/" + second.reference().value() + "/groups",
				Map.of("group", groupId.toString()));

		assertThat(groups.find(groupId).orElseThrow().members()).isEqualTo(2);
		assertThat(browser.get(groupPath).body()).contains(first.reference().value()).contains(secondEmail);
		assertThat(browser.get("/backoffice/groups").body()).contains(name);
		assertThat(browser.get("/backoffice/customers/" + second.reference().value() + "/groups").body())
			.contains(name);
		assertThat(browser.get("/backoffice/customers?q=" + secondEmail).body()).as("the list's groups column")
			.contains("<td>" + name + "</td>")
			.contains("<td>Yes</td>");
		browser.get(groupPath);
		browser.post(groupPath + "/members/" + first.reference().value() + "/remove", Map.of());
		assertThat(groups.members(groupId)).containsExactly(second.id());
	}

	@Test
	void namesAreRequiredUniqueRegardlessOfCaseAndAtMostSeventyCharacters() {
		var browser = staff();
		var name = uniqueName();
		groups.create(name, null);
		browser.get("/backoffice/groups");

		var taken = browser.post("/backoffice/groups", Map.of("name", name.toUpperCase(), "description", ""));
		var blank = browser.post("/backoffice/groups", Map.of("name", " ", "description", ""));
		var seventyOne = browser.post("/backoffice/groups", Map.of("name", "x".repeat(71), "description", ""));
		var seventy = browser.post("/backoffice/groups",
				Map.of("name", "y".repeat(62) + UUID.randomUUID().toString().substring(0, 8), "description", ""));

		assertThat(taken.body()).contains("A group with this name exists already.");
		assertThat(blank.body()).contains("Please enter a name.");
		assertThat(seventyOne.body()).contains("A group name can have at most 70 characters.");
		assertThat(seventy.status()).isEqualTo(302);
	}

	@Test
	void aClosedAccountLeavesEveryGroupAndADeletedGroupLeavesItsCustomers() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var other = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var group = groups.create(uniqueName(), null);
		groups.assign(group.id(), customer.id(), AuditActor.console());
		groups.assign(group.id(), other.id(), AuditActor.console());

		customers.anonymize(customer.id());
		var browser = staff();
		browser.get("/backoffice/groups/" + group.id());
		browser.post("/backoffice/groups/" + group.id() + "/delete", Map.of());

		assertThat(groups.groupsOf(customer.id())).isEmpty();
		assertThat(groups.find(group.id())).isEmpty();
		assertThat(customers.find(other.id())).isPresent();
	}

}
