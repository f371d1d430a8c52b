package io.clientele.api;

import static io.clientele.api.GlueContract.assertAnswer;
import static io.clientele.api.GlueContract.assertError;
import static io.clientele.api.GlueContract.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders: the checkout's idempotent upsert (client credentials) and the customer's
 * history.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiOrdersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	String checkout;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		var basic = Base64.getEncoder().encodeToString("checkout:checkout-secret-for-tests".getBytes());
		checkout = clientToken(basic);
	}

	String clientToken(String basic) {
		try {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body()).get("access_token").stringValue();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	String customerToken(String email) {
		return api.accessToken(email, Shoppers.PASSWORD);
	}

	static String order(String who, String createdAt, long grandTotal) {
		return """
				{"data":{"type":"orders","attributes":{%s,"currencyIsoCode":"EUR","priceMode":"GROSS_MODE",
				 "state":"payment pending","createdAt":"%s",
				 "totals":{"subtotal":%d,"expenseTotal":490,"discountTotal":0,"taxTotal":1200,"grandTotal":%d},
				 "items":[{"sku":"066_23294028","name":"Samsung Galaxy S5","quantity":1,"unitPrice":%d,
				  "sumPrice":%d,"state":"payment pending"}],
				 "billingAddress":{"salutation":"Ms","firstName":"Sonia","lastName":"Wagner","address1":"Julie-Wolfthorn-Straße",
				  "address2":"1","zipCode":"10115","city":"Berlin","iso2Code":"DE"},
				 "paymentMethod":"invoice","shipmentMethod":"Standard"}}}"""
			.formatted(who, createdAt, grandTotal - 490, grandTotal, grandTotal - 490, grandTotal - 490);
	}

	static String newReference() {
		return "DE--ORD-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void theCheckoutUpsertsAnOrderOnceAndTheCustomerSeesIt() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var reference = newReference();
		var body = order("\"customerReference\":\"" + customer.reference().value() + "\"", "2026-11-20T10:15:30Z",
				10990);

		var first = api.send("PUT", "/api/backoffice/orders/" + reference, body, ApiClient.JSON_API, checkout);
		var again = api.send("PUT", "/api/backoffice/orders/" + reference, body, ApiClient.JSON_API, checkout);
		var detail = api.get("/api/orders/" + reference, customerToken(email));

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(jdbc.sql("select count(*) from orderhistory_order where order_reference = ?")
			.param(reference)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertAnswer(detail, 200,
				"""
						{"data":{"type":"orders","id":"%s","attributes":{"merchantReferences":[],"itemStates":["payment pending"],
						 "createdAt":"2026-11-20 10:15:30.000000","currencyIsoCode":"EUR","priceMode":"GROSS_MODE",
						 "totals":{"expenseTotal":490,"discountTotal":0,"taxTotal":1200,"subtotal":10500,"grandTotal":10990,
						  "canceledTotal":0,"remunerationTotal":0},
						 "billingAddress":{"salutation":"Ms","firstName":"Sonia","lastName":"Wagner","address1":"Julie-Wolfthorn-Straße",
						  "address2":"1","zipCode":"10115","city":"Berlin","iso2Code":"DE"},"shippingAddress":null,
						 "items":[{"sku":"066_23294028","name":"Samsung Galaxy S5","quantity":1,"unitPrice":10500,"sumPrice":10500,
						  "state":"payment pending"}],"expenses":[],
						 "payments":[{"amount":10990,"paymentProvider":null,"paymentMethod":"invoice"}],
						 "shipments":[{"shipmentMethodName":"Standard"}],"calculatedDiscounts":[]},"links":{"self":"x"}},
						 "links":{"self":"x"}}"""
					.formatted(reference),
				pattern("data.links.self", ".*/api/orders/.*"), pattern("links.self", ".*/api/orders/.*"));
	}

	@Test
	void aCustomerPagesThroughTheirOrdersNewestFirst() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		for (int day = 1; day <= 12; day++) {
			api.send("PUT", "/api/backoffice/orders/" + newReference(),
					order("\"customerReference\":\"" + customer.reference().value() + "\"",
							"2026-10-%02dT12:00:00Z".formatted(day), 1000 + day),
					ApiClient.JSON_API, checkout);
		}
		var token = customerToken(email);

		var first = json.readTree(api.get("/api/orders?page[offset]=0&page[limit]=5", token).body());
		var last = json.readTree(api
			.get("/api/customers/" + customer.reference().value() + "/orders?page[offset]=10&page[limit]=5", token)
			.body());

		assertThat(first.get("data").size()).isEqualTo(5);
		assertThat(first.get("data").get(0).get("attributes").get("createdAt").stringValue()).startsWith("2026-10-12");
		assertThat(first.get("links").get("next").stringValue()).endsWith("/api/orders?page[offset]=5&page[limit]=5");
		assertThat(first.get("links").has("prev")).isFalse();
		assertThat(last.get("data").size()).isEqualTo(2);
		assertThat(last.get("links").has("next")).isFalse();
		assertThat(last.get("links").get("last").stringValue()).endsWith("page[offset]=10&page[limit]=5");
	}

	@Test
	void nobodySeesAnotherCustomersOrders() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var other = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var reference = newReference();
		api.send("PUT", "/api/backoffice/orders/" + reference,
				order("\"customerReference\":\"" + other.reference().value() + "\"", "2026-11-20T10:15:30Z", 990),
				ApiClient.JSON_API, checkout);
		var token = customerToken(email);

		assertError(api.get("/api/orders/" + reference, token), 404, "801",
				"Can't find order by the given order reference");
		assertError(api.get("/api/customers/" + other.reference().value() + "/orders", token), 403, "802",
				"Unauthorized request.");
	}

	@Test
	void aGuestsOrderCreatesACustomerWithoutLoginWhoSeesItAfterRegisteringAndConfirming() {
		var email = Shoppers.uniqueEmail();
		var reference = newReference();

		var upsert = api.send("PUT", "/api/backoffice/orders/" + reference,
				order("\"email\":\"" + email + "\"", "2026-11-20T10:15:30Z", 990), ApiClient.JSON_API, checkout);
		var lookup = api.get("/api/backoffice/customers?email=" + email, checkout);
		var registration = api.post("/api/customers", """
				{"data":{"type":"customers","attributes":{"salutation":"Ms","firstName":"Sonia","lastName":"Wagner",
				 "email":"%s","gender":"Female","password":"%s","confirmPassword":"%s","acceptedTerms":true}}}"""
			.formatted(email, Shoppers.PASSWORD, Shoppers.PASSWORD), null);
		var link = TestMailServer.linkIn(TestMailServer.mailTo(email, "Someone tried to register"));
		var restore = api.patch("/api/customer-restore-password/key", """
				{"data":{"type":"customer-restore-password","attributes":{"restorePasswordKey":"%s",
				 "password":"%s","confirmPassword":"%s"}}}""".formatted(link.substring(link.indexOf("token=") + 6),
				Shoppers.PASSWORD, Shoppers.PASSWORD), null);
		var history = api.get("/api/orders", customerToken(email));

		assertThat(upsert.status()).isEqualTo(201);
		assertThat(json.readTree(lookup.body()).get("data").get(0).get("attributes").get("registered").booleanValue())
			.isFalse();
		assertThat(registration.status()).as("the address is taken by the guest account").isEqualTo(422);
		assertThat(restore.status()).isEqualTo(204);
		assertThat(json.readTree(history.body()).get("data").get(0).get("id").stringValue()).isEqualTo(reference);
	}

	@Test
	void theBackofficeEndpointsAreForClientsOnlyAndCustomerEndpointsForCustomersOnly() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var body = order("\"customerReference\":\"" + customer.reference().value() + "\"", "2026-11-20T10:15:30Z", 990);

		assertError(api.send("PUT", "/api/backoffice/orders/" + newReference(), body, ApiClient.JSON_API, null), 403,
				"002", "Missing access token.");
		assertError(api.send("PUT", "/api/backoffice/orders/" + newReference(), body, ApiClient.JSON_API,
				customerToken(email)), 403, "411", "Unauthorized request.");
		assertError(api.get("/api/customers", checkout), 403, "411", "Unauthorized request.");
		var wrongSecret = api.send("POST", "/api/token",
				"grant_type=client_credentials&client_id=checkout&client_secret=guess",
				"application/x-www-form-urlencoded", null);
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.body()).contains("invalid_client");
	}

	@Test
	void aBrokenOrderIsRefusedWithEveryViolationAndNothingStored() {
		var reference = newReference();

		var answer = api.send("PUT", "/api/backoffice/orders/" + reference, """
				{"data":{"type":"orders","attributes":{"currencyIsoCode":"EURO","state":"new","createdAt":"yesterday",
				 "totals":{"grandTotal":"ten"},"items":[{"sku":"","quantity":1.5}]}}}""", ApiClient.JSON_API, checkout);

		assertAnswer(answer, 422,
				"""
						{"errors":[
						 {"code":"901","status":422,"detail":"currencyIsoCode => This value is too long. It should have 3 characters or less."}]}""");
		assertThat(jdbc.sql("select count(*) from orderhistory_order where order_reference = ?")
			.param(reference)
			.query(Long.class)
			.single()).isZero();
		var second = api.send("PUT", "/api/backoffice/orders/" + reference, """
				{"data":{"type":"orders","attributes":{"currencyIsoCode":"EUR","state":"new","createdAt":"yesterday",
				 "totals":{"grandTotal":"ten"},"items":[{"sku":"","quantity":1.5}]}}}""", ApiClient.JSON_API, checkout);
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.body()).contains("customerReference => Give either customerReference or email")
			.contains("createdAt => This value is not a valid datetime.")
			.contains("totals.grandTotal => This value should be of type int.")
			.contains("items.0.sku => This value should not be blank.")
			.contains("items.0.quantity => This value should be of type int.");
	}

}
