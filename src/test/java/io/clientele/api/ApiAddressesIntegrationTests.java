package io.clientele.api;

import static io.clientele.api.GlueContract.assertAnswer;
import static io.clientele.api.GlueContract.assertError;
import static io.clientele.api.GlueContract.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import tools.jackson.databind.json.JsonMapper;

/** {@code /customers/{ref}/addresses}, whole bodies as Glue answers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiAddressesIntegrationTests {

	static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	static final String ADDRESS = """
			{"data":{"type":"addresses","attributes":{"salutation":"Mr","firstName":"Spencor","lastName":"Hopkin",
			 "address1":"Third, 33, 11","address2":"b","address3":"aaa","zipCode":"12312","city":"Berlin",
			 "country":"Germany","iso2Code":"DE","phone":"22111-3-4-5","isDefaultShipping":false,"isDefaultBilling":false}}}""";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JsonMapper json;

	ApiClient api;

	CustomerDetails customer;

	String token;

	String base;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		var email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
		token = tokenOf(email);
		base = "/api/customers/" + customer.reference().value() + "/addresses";
	}

	String tokenOf(String email) {
		return api.accessToken(email, Shoppers.PASSWORD);
	}

	String idOf(ApiClient.Answer answer) {
		return json.readTree(answer.body()).get("data").get("id").stringValue();
	}

	@Test
	void theFirstAddressIsCreatedAsDefaultBillingAndShipping() {
		var answer = api.post(base, ADDRESS, token);

		assertAnswer(answer, 201, """
				{"data":{"type":"addresses","id":"x","attributes":{"salutation":"Mr","firstName":"Spencor",
				 "lastName":"Hopkin","address1":"Third, 33, 11","address2":"b","address3":"aaa","zipCode":"12312",
				 "city":"Berlin","country":"Germany","iso2Code":"DE","company":null,"phone":"22111-3-4-5",
				 "isDefaultShipping":true,"isDefaultBilling":true},"links":{"self":"x"}},"links":{"self":"x"}}""",
				pattern("data.id", UUID), pattern("data.links.self", ".*/api/customers/DE--\\d+/addresses/" + UUID),
				pattern("links.self", ".*/api/customers/DE--\\d+/addresses/" + UUID));
	}

	@Test
	void aCustomerListsReadsChangesAndDeletesTheirAddresses() {
		var id = idOf(api.post(base, ADDRESS, token));
		api.post(base, ADDRESS.replace("Berlin", "Munich"), token);

		var list = api.get(base, token);
		var changed = api.patch(base + "/" + id,
				"{\"data\":{\"type\":\"addresses\",\"attributes\":{\"city\":\"Hamburg\",\"isDefaultBilling\":false}}}",
				token);
		var deleted = api.delete(base + "/" + id, token);

		assertThat(json.readTree(list.body()).get("data").size()).isEqualTo(2);
		assertThat(json.readTree(changed.body()).get("data").get("attributes").get("city").stringValue())
			.isEqualTo("Hamburg");
		assertThat(json.readTree(changed.body()).get("data").get("attributes").get("isDefaultBilling").booleanValue())
			.isTrue();
		assertThat(deleted.status()).isEqualTo(204);
		assertError(api.get(base + "/" + id, token), 404, "404", "Address was not found.");
	}

	@Test
	void anotherCustomersReferenceIs403AndAnotherCustomersAddress404() {
		var otherEmail = Shoppers.uniqueEmail();
		var other = Accounts.confirmedCustomer(signUp, otherEmail);
		var theirBase = "/api/customers/" + other.reference().value() + "/addresses";
		var theirAddress = idOf(api.post(theirBase, ADDRESS, tokenOf(otherEmail)));

		assertError(api.get(theirBase, token), 403, "411", "Unauthorized request.");
		assertError(api.post(theirBase, ADDRESS, token), 403, "411", "Unauthorized request.");
		assertError(api.get(base + "/" + theirAddress, token), 404, "404", "Address was not found.");
		assertError(api.delete(base + "/" + theirAddress, token), 404, "404", "Address was not found.");
		assertError(api.get(base + "/not-a-uuid", token), 404, "404", "Address was not found.");
	}

	@Test
	void missingFieldsAndUnknownCountriesAreReportedWith901() {
		assertAnswer(
				api.post(base, "{\"data\":{\"type\":\"addresses\",\"attributes\":{\"salutation\":\"Mr\"}}}", token),
				422, """
						{"errors":[{"code":"901","status":422,"detail":"firstName => This field is missing."},
						 {"code":"901","status":422,"detail":"lastName => This field is missing."},
						 {"code":"901","status":422,"detail":"address1 => This field is missing."},
						 {"code":"901","status":422,"detail":"address2 => This field is missing."},
						 {"code":"901","status":422,"detail":"zipCode => This field is missing."},
						 {"code":"901","status":422,"detail":"city => This field is missing."},
						 {"code":"901","status":422,"detail":"iso2Code => This field is missing."},
						 {"code":"901","status":422,"detail":"isDefaultShipping => This field is missing."},
						 {"code":"901","status":422,"detail":"isDefaultBilling => This field is missing."}]}""");
		assertError(api.post(base, ADDRESS.replace("\"DE\"", "\"XX\""), token), 422, "901",
				"iso2Code => This value is not a valid country.");
	}

	@Test
	void aCustomerCanBeReadWithTheirAddressesIncluded() {
		var id = idOf(api.post(base, ADDRESS, token));

		var answer = api.get("/api/customers/" + customer.reference().value() + "?include=addresses", token);

		var document = json.readTree(answer.body());
		assertThat(answer.status()).isEqualTo(200);
		assertThat(
				document.get("data").get("relationships").get("addresses").get("data").get(0).get("id").stringValue())
			.isEqualTo(id);
		assertThat(document.get("included").get(0).get("type").stringValue()).isEqualTo("addresses");
		assertThat(document.get("included").get(0).get("attributes").get("city").stringValue()).isEqualTo("Berlin");
		assertThat(
				json.readTree(api.get("/api/customers/" + customer.reference().value(), token).body()).has("included"))
			.isFalse();
	}

}
