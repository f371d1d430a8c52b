package io.clientele.api;

import static io.clientele.api.GlueContract.REFERENCE;
import static io.clientele.api.GlueContract.TIMESTAMP;
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
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /customers} and {@code /customer-confirmation}: whole bodies, as Glue answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiCustomersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JsonMapper json;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	static String registration(String email, String password, String confirmPassword) {
		return """
				{"data":{"type":"customers","attributes":{"salutation":"Mrs","firstName":"Sonia","lastName":"Wagner",
				 "email":"%s","gender":"Female","password":"%s","confirmPassword":"%s","acceptedTerms":true}}}"""
			.formatted(email, password, confirmPassword);
	}

	String tokenOf(String email) {
		return api.accessToken(email, Shoppers.PASSWORD);
	}

	@Test
	void registrationAnswers201WithTheCustomerAndMailsTheConfirmationLink() {
		var email = Shoppers.uniqueEmail();

		var answer = api.post("/api/customers", registration(email, Shoppers.PASSWORD, Shoppers.PASSWORD), null);

		assertAnswer(answer, 201, """
				{"data":{"type":"customers","id":"x","attributes":{"firstName":"Sonia","lastName":"Wagner",
				 "email":"%s","gender":"Female","dateOfBirth":null,"salutation":"Mrs","createdAt":"x","updatedAt":"x"},
				 "links":{"self":"x"}},"links":{"self":"x"}}""".formatted(email), pattern("data.id", REFERENCE),
				pattern("data.attributes.createdAt", TIMESTAMP), pattern("data.attributes.updatedAt", TIMESTAMP),
				pattern("data.links.self", "http://127\\.0\\.0\\.1:\\d+/api/customers/" + REFERENCE),
				pattern("links.self", "http://127\\.0\\.0\\.1:\\d+/api/customers/" + REFERENCE));
		assertThat(answer.body()).doesNotContain("password").doesNotContain("$argon2");
		assertThat(TestMailServer.mailTo(email, "Please confirm your email address")).isNotNull();
	}

	@Test
	void theConfirmationKeyFromTheMailConfirmsOnce() {
		var email = Shoppers.uniqueEmail();
		api.post("/api/customers", registration(email, Shoppers.PASSWORD, Shoppers.PASSWORD), null);
		var link = TestMailServer.linkIn(TestMailServer.mailTo(email, "Please confirm"));
		var key = link.substring(link.indexOf("token=") + 6);
		var body = """
				{"data":{"type":"customer-confirmation","attributes":{"registrationKey":"%s"}}}""".formatted(key);

		assertThat(api.post("/api/customer-confirmation", body, null).status()).isEqualTo(204);
		assertError(api.post("/api/customer-confirmation", body, null), 422, "423",
				"This email confirmation code is invalid or has been already used.");
		assertThat(customers.findByEmail(EmailAddress.of(email)).orElseThrow().confirmed()).isTrue();
	}

	@Test
	void aMailScannerFetchingTheConfirmationEndpointConfirmsNothing() {
		var email = Shoppers.uniqueEmail();
		api.post("/api/customers", registration(email, Shoppers.PASSWORD, Shoppers.PASSWORD), null);
		var link = TestMailServer.linkIn(TestMailServer.mailTo(email, "Please confirm"));
		var key = link.substring(link.indexOf("token=") + 6);

		var fetched = api.get("/api/customer-confirmation?registrationKey=" + key, null);

		assertThat(fetched.status()).as("only the POST is public").isEqualTo(403);
		assertThat(customers.findByEmail(EmailAddress.of(email)).orElseThrow().confirmed()).isFalse();
		assertThat(api.post("/api/customer-confirmation", """
				{"data":{"type":"customer-confirmation","attributes":{"registrationKey":"%s"}}}""".formatted(key), null)
			.status()).as("Glue's POST with the key still confirms").isEqualTo(204);
	}

	@Test
	void registrationsForOneAddressAreLimitedAlikeForKnownAndUnknownAddresses() {
		var known = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, known);
		var unknown = Shoppers.uniqueEmail();
		for (var i = 0; i < 5; i++) {
			assertThat(fromAnywhere()
				.post("/api/customers", registration(known, Shoppers.PASSWORD, Shoppers.PASSWORD), null)
				.status()).isEqualTo(422);
			assertThat(fromAnywhere()
				.post("/api/customers", registration(unknown, Shoppers.PASSWORD, Shoppers.PASSWORD), null)
				.status()).as("Glue's answers: 201 for the first, 422 code 400 after").isEqualTo(i == 0 ? 201 : 422);
		}

		var knownRefused = fromAnywhere().post("/api/customers",
				registration(known, Shoppers.PASSWORD, Shoppers.PASSWORD), null);
		var unknownRefused = fromAnywhere().post("/api/customers",
				registration(unknown, Shoppers.PASSWORD, Shoppers.PASSWORD), null);
		var stranger = Shoppers.uniqueEmail();

		assertThat(knownRefused.body()).isEqualTo(unknownRefused.body());
		assertError(knownRefused, 429, "429",
				"Too many registrations from this client or for this email address. Please try again later.");
		assertThat(knownRefused.header("Retry-After")).isPresent();
		assertThat(unknownRefused.header("Retry-After")).isPresent();
		assertThat(fromAnywhere()
			.post("/api/customers", registration(stranger, Shoppers.PASSWORD, Shoppers.PASSWORD), null)
			.status()).as("another address is not affected").isEqualTo(201);
	}

	ApiClient fromAnywhere() {
		return new ApiClient(port, Shoppers.uniqueClientAddress());
	}

	@Test
	void aTakenAddressGetsSprykersCode400TextAndItsOwnerAMail() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);

		var answer = api.post("/api/customers", registration(email.toUpperCase(), Shoppers.PASSWORD, Shoppers.PASSWORD),
				null);

		assertError(answer, 422, "400",
				"If this email address is already in use, you will receive a password reset link. Otherwise you must first validate your e-mail address to finish registration. Please check your e-mail.");
		assertThat(TestMailServer.mailTo(email, "Someone tried to register")).isNotNull();
	}

	@Test
	void mismatchedPasswordsAnswer406() {
		assertError(
				api.post("/api/customers",
						registration(Shoppers.uniqueEmail(), Shoppers.PASSWORD, "violet-lantern-orchard-3"), null),
				422, "406", "Value in field password should be identical to value in the confirmPassword field.");
	}

	@Test
	void everyBrokenRequestRuleIsReportedWith901() {
		var answer = api.post("/api/customers", """
				{"data":{"type":"customers","attributes":{"salutation":"Sir","firstName":"","lastName":"Lee/",
				 "email":"nope","gender":"Other","password":"short","confirmPassword":"%s","acceptedTerms":false}}}"""
			.formatted("x".repeat(129)), null);

		assertAnswer(answer, 422,
				"""
						{"errors":[
						 {"code":"901","status":422,"detail":"salutation => The value you selected is not a valid choice."},
						 {"code":"901","status":422,"detail":"firstName => This value should not be blank."},
						 {"code":"901","status":422,"detail":"lastName => This value is not valid."},
						 {"code":"901","status":422,"detail":"email => This value is not a valid email address."},
						 {"code":"901","status":422,"detail":"gender => The value you selected is not a valid choice."},
						 {"code":"901","status":422,"detail":"password => This value is too short. It should have 8 characters or more."},
						 {"code":"901","status":422,"detail":"confirmPassword => This value is too long. It should have 128 characters or less."},
						 {"code":"901","status":422,"detail":"acceptedTerms => This value should be true."}]}""");
	}

	@Test
	void anAddressOverOneHundredCharactersAnswers417() {
		var long101 = "a".repeat(89) + "@example.com";

		assertError(api.post("/api/customers", registration(long101, Shoppers.PASSWORD, Shoppers.PASSWORD), null), 422,
				"417", "Email is too long. It should have 100 characters or less.");
	}

	@Test
	void policyFailuresAnswerSprykersPasswordCodes() {
		var common = "1qaz2wsx3edc4rfv";

		assertAnswer(api.post("/api/customers", registration(Shoppers.uniqueEmail(), common, common), null), 400, """
				{"errors":[{"code":"422","status":400,"detail":"The password is listed as common."},
				 {"code":"426","status":400,"detail":"The password is too easy to guess."}]}""");
		var repeated = "blue-kettle-harbour-777";
		assertAnswer(api.post("/api/customers", registration(Shoppers.uniqueEmail(), repeated, repeated), null), 400,
				"""
						{"errors":[{"code":"421","status":400,"detail":"The password contains sequence of the same character."}]}""");
	}

	@Test
	void aCustomerReadsThemselvesAndNobodyElse() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var other = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var token = tokenOf(email);

		var own = api.get("/api/customers/" + customer.reference().value(), token);
		var list = api.get("/api/customers", token);

		assertThat(own.status()).isEqualTo(200);
		assertThat(json.readTree(own.body()).get("data").get("id").stringValue())
			.isEqualTo(customer.reference().value());
		assertThat(json.readTree(list.body()).get("data").get(0).get("attributes").get("email").stringValue())
			.isEqualTo(email);
		assertError(api.get("/api/customers/" + other.reference().value(), token), 404, "402", "Customer not found.");
		assertError(api.get("/api/customers/DE--999999999", token), 404, "402", "Customer not found.");
	}

	@Test
	void aCustomerChangesTheirProfileAndNobodyElses() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var other = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var token = tokenOf(email);
		var change = """
				{"data":{"type":"customers","attributes":{"lastName":"Johnson","dateOfBirth":"1990-07-02"}}}""";

		var answer = api.patch("/api/customers/" + customer.reference().value(), change, token);
		var foreign = api.patch("/api/customers/" + other.reference().value(), change, token);

		assertThat(answer.status()).isEqualTo(200);
		var attributes = json.readTree(answer.body()).get("data").get("attributes");
		assertThat(attributes.get("lastName").stringValue()).isEqualTo("Johnson");
		assertThat(attributes.get("dateOfBirth").stringValue()).isEqualTo("1990-07-02");
		assertError(foreign, 403, "411", "Unauthorized request.");
		assertThat(customers.find(other.id()).orElseThrow().lastName()).isEqualTo("Lee");
	}

	@Test
	void brokenEnvelopesGetGluesEnvelopeErrors() {
		assertAnswer(api.post("/api/customers", "{not json", null), 400,
				"{\"errors\":[{\"status\":400,\"detail\":\"Post data is invalid.\"}]}");
		assertAnswer(api.post("/api/customers", "{\"data\":{\"type\":\"addresses\",\"attributes\":{}}}", null), 400,
				"{\"errors\":[{\"status\":400,\"detail\":\"Invalid type.\"}]}");
		assertAnswer(api.post("/api/customers", "{\"meta\":{}}", null), 400,
				"{\"errors\":[{\"status\":400,\"detail\":\"Post data is invalid.\"}]}");
		var wrongType = api.post("/api/customers", """
				{"data":{"type":"customers","attributes":{"salutation":1,"firstName":["x"],"lastName":"Lee",
				 "email":"a@example.com","gender":"Male","password":"%s","confirmPassword":"%s","acceptedTerms":"yes",
				 "unknownField":"ignored"}}}""".formatted(Shoppers.PASSWORD, Shoppers.PASSWORD), null);
		assertAnswer(wrongType, 422, """
				{"errors":[{"code":"901","status":422,"detail":"salutation => This value should be of type string."},
				 {"code":"901","status":422,"detail":"firstName => This value should be of type string."},
				 {"code":"901","status":422,"detail":"acceptedTerms => This value should be true."}]}""");
	}

	@Test
	void aWrongContentTypeAndATenMegabyteBodyAreRefusedWithoutAServerError() {
		var textPlain = api.send("POST", "/api/customers", "hello", "text/plain", null);
		var huge = api.post("/api/customers", registration("x@example.com", "p".repeat(10 * 1024 * 1024), "p"), null);

		assertThat(textPlain.status()).isEqualTo(415);
		assertThat(textPlain.body()).contains("\"errors\"");
		assertAnswer(huge, 413, "{\"errors\":[{\"status\":413,\"detail\":\"Request body is too large.\"}]}");
	}

}
