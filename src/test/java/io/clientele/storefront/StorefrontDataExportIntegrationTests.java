package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.audit.AuditActor;
import io.clientele.address.AddressBook;
import io.clientele.address.AddressData;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.groups.CustomerGroups;
import io.clientele.orderhistory.OrderData;
import io.clientele.orderhistory.OrderHistory;
import io.clientele.multifactor.SecondFactors;
import io.clientele.support.Accounts;
import io.clientele.support.SecondFactorAccounts;
import io.clientele.support.SoftAuthenticator;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

import tools.jackson.databind.json.JsonMapper;

/** "Download my data". */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontDataExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AddressBook addresses;

	@Autowired
	OrderHistory orders;

	@Autowired
	CustomerGroups groups;

	@Autowired
	JsonMapper json;

	@Autowired
	SecondFactors factors;

	@Test
	void theExportHoldsProfilePreferencesConsentsAddressesOrdersGroupsAndSecurityEvents() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		customers.changePreferences(customer.id(), "de_DE", "pickup", true);
		addresses.add(customer.id(),
				new AddressData("Ms", "Ann", "Lee", "Export Street", "5", null, "10115", "Berlin", "DE", null, null),
				false, false);
		var orderReference = "EXP-" + customer.reference().value();
		orders.record(customer.id(),
				new OrderData(orderReference, "EUR", "GROSS_MODE", "new",
						new OrderData.Totals(500, 0, 0, 80, 500, 0, 0), List.of(Map.of("sku", "S-1", "quantity", 1)),
						null, null, null, null, Instant.now()));
		var group = groups.create("Export group " + customer.reference().value(), null);
		groups.assign(group.id(), customer.id(), AuditActor.console());
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);

		var download = browser.get("/customer/export");

		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Disposition")).hasValueSatisfying(
				value -> assertThat(value).contains("attachment", "my-data-" + customer.reference().value() + ".json"));
		assertThat(download.header("Cache-Control")).hasValue("no-store");
		var data = json.readTree(download.body());
		assertThat(data.path("profile").path("email").asString()).isEqualTo(email);
		assertThat(data.path("profile").path("customerReference").asString()).isEqualTo(customer.reference().value());
		assertThat(data.path("preferences").path("language").asString()).isEqualTo("de_DE");
		assertThat(data.path("preferences").path("preferredShippingMethod").asString()).isEqualTo("pickup");
		assertThat(data.path("consents").path("marketingEmails").path("given").asBoolean()).isTrue();
		assertThat(data.path("consents").path("marketingEmails").path("changedAt").asString()).isNotBlank();
		assertThat(data.path("addresses").get(0).path("address1").asString()).isEqualTo("Export Street");
		assertThat(data.path("orders").get(0).path("orderReference").asString()).isEqualTo(orderReference);
		assertThat(data.path("groups").get(0).asString()).isEqualTo(group.name());
		assertThat(data.path("securityEvents").findValuesAsString("type")).contains("LOGIN_SUCCEEDED");
		assertThat(download.body()).as("no secrets").doesNotContain("argon2", "hash", "token");
	}

	@Test
	void theExportListsSignInMethodsButNoSecretOfThem() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		browser.follow(new SoftAuthenticator().addTo(browser, "http://localhost:" + port));
		var app = SecondFactorAccounts.withApp(factors, customer);

		var download = browser.get("/customer/export");

		var data = json.readTree(download.body());
		var methods = data.path("signInMethods");
		assertThat(methods.path("secondFactors").findValuesAsString("type")).containsExactly("totp");
		assertThat(methods.path("secondFactors").get(0).path("status").asString()).isEqualTo("enabled");
		assertThat(methods.path("recoveryCodesLeft").asInt()).isEqualTo(10);
		assertThat(methods.path("passkeys").findValuesAsString("name")).containsExactly("Passkey 1");
		assertThat(methods.path("passkeys").get(0).path("createdAt").asString()).isNotBlank();
		assertThat(download.body()).as("not the app's secret").doesNotContain(app.secret());
		assertThat(download.body()).as("no key material").doesNotContain("publicKey", "credentialId", "secret");
	}

	@Test
	void theExportNeedsALogin() {
		var answer = new WebClient(port).get("/customer/export");
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

}
