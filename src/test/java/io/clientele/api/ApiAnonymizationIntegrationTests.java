package io.clientele.api;

import static io.clientele.api.GlueContract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.address.AddressBook;
import io.clientele.address.AddressData;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DELETE /customers/{ref}}: the account is anonymised as Spryker does, and safer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiAnonymizationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	AddressBook addresses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void deletingAnAccountRemovesItsPersonalDataAndEveryWayInButKeepsItsReference() {
		var api = new ApiClient(port);
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		addresses.add(customer.id(),
				new AddressData("Ms", "Ann", "Lee", "Main Street", "1", null, "10115", "Berlin", "DE", null, null),
				false, false);
		var login = json
			.readTree(api.post("/api/access-tokens",
					"""
							{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}"""
						.formatted(email, Shoppers.PASSWORD),
					null)
				.body())
			.get("data")
			.get("attributes");
		var token = login.get("accessToken").stringValue();
		var reference = customer.reference().value();

		var deleted = api.delete("/api/customers/" + reference, token);

		assertThat(deleted.status()).isEqualTo(204);
		var closed = customers.find(customer.id()).orElseThrow();
		assertThat(closed.anonymized()).isTrue();
		assertThat(closed.reference().value()).isEqualTo(reference);
		assertThat(closed.email().value()).doesNotContain(email.substring(0, email.indexOf('@')));
		assertThat(closed.firstName()).isEmpty();
		assertThat(closed.dateOfBirth()).isNull();
		assertThat(addresses.list(customer.id())).isEmpty();
		assertThat(jdbc.sql("select count(*) from credentials_password where owner_id = ?")
			.param(customer.id().value())
			.query(Long.class)
			.single()).isZero();
		assertError(api.post("/api/access-tokens", """
				{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}""".formatted(email,
				Shoppers.PASSWORD), null), 401, "003", "Failed to authenticate user.");
		assertError(
				api.post("/api/refresh-tokens",
						"""
								{"data":{"type":"refresh-tokens","attributes":{"refreshToken":"%s"}}}"""
							.formatted(login.get("refreshToken").stringValue()),
						null),
				401, "004", "Failed to refresh token.");
		assertError(api.get("/api/customers/" + reference, token), 401, "001", "Invalid access token.");
		assertThat(api
			.post("/api/customers",
					ApiCustomersIntegrationTests.registration(email, Shoppers.PASSWORD, Shoppers.PASSWORD), null)
			.status()).as("the address can register again").isEqualTo(201);
	}

	@Test
	void nobodyDeletesAnotherCustomersAccount() {
		var api = new ApiClient(port);
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var other = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var token = json
			.readTree(api.post("/api/access-tokens",
					"""
							{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}"""
						.formatted(email, Shoppers.PASSWORD),
					null)
				.body())
			.get("data")
			.get("attributes")
			.get("accessToken")
			.stringValue();

		assertError(api.delete("/api/customers/" + other.reference().value(), token), 403, "411",
				"Unauthorized request.");
		assertThat(customers.find(other.id()).orElseThrow().anonymized()).isFalse();
	}

}
