package io.clientele.api;

import static io.clientele.api.GlueContract.assertAnswer;
import static io.clientele.api.GlueContract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.support.Passwords;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /customer-password}, {@code /customer-forgotten-password},
 * {@code /customer-restore-password}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiPasswordsIntegrationTests {

	static final String NEW_PASSWORD = "violet-lantern-orchard-3";

	// random enough to be "strong" at any of these lengths, so only the length decides
	static final String FOURTEEN = "tk9-vq2-mzr7-w";

	static final String FIFTEEN = "tk9-vq2-mzr7-wq";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	PasswordManagement passwords;

	@Autowired
	JsonMapper json;

	ApiClient api;

	String email;

	CustomerDetails customer;

	String token;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
		token = api.accessToken(email, Shoppers.PASSWORD);
	}

	static String change(String current, String newPassword, String confirmation) {
		return """
				{"data":{"type":"customer-password","attributes":{"password":"%s","newPassword":"%s","confirmPassword":"%s"}}}"""
			.formatted(current, newPassword, confirmation);
	}

	static String restore(String key, String password, String confirmation) {
		return """
				{"data":{"type":"customer-restore-password","id":"any","attributes":{"restorePasswordKey":"%s",
				 "password":"%s","confirmPassword":"%s"}}}""".formatted(key, password, confirmation);
	}

	@Test
	void aCustomerChangesTheirPasswordWith204AndItWorksAtTheNextLogin() {
		var answer = api.patch("/api/customer-password/" + customer.reference().value(),
				change(Shoppers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD), token);

		assertThat(answer.status()).isEqualTo(204);
		assertThat(Passwords.verify(passwords, email, NEW_PASSWORD)).isPresent();
		assertThat(TestMailServer.mailTo(email, "Your password was changed")).isNotNull();
	}

	@Test
	void aWrongCurrentPasswordIs408AndAnotherCustomersReference411() {
		var other = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());

		assertError(
				api.patch("/api/customer-password/" + customer.reference().value(),
						change("not-my-password-1", NEW_PASSWORD, NEW_PASSWORD), token),
				400, "408", "Invalid password");
		assertError(
				api.patch("/api/customer-password/" + other.reference().value(),
						change(Shoppers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD), token),
				403, "411", "Unauthorized request.");
		assertError(
				api.patch("/api/customer-password/" + customer.reference().value(),
						change(Shoppers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x"), token),
				422, "406", "Value in field newPassword should be identical to value in the confirmPassword field.");
		assertAnswer(api.patch("/api/customer-password/" + customer.reference().value(),
				"{\"data\":{\"type\":\"customer-password\",\"attributes\":{}}}", token), 422, """
						{"errors":[{"code":"901","status":422,"detail":"password => This field is missing."},
						 {"code":"901","status":422,"detail":"newPassword => This field is missing."},
						 {"code":"901","status":422,"detail":"confirmPassword => This field is missing."}]}""");
	}

	@Test
	void forgottenAlwaysAnswers204AndMailsOnlyAnAccount() throws Exception {
		var stranger = Shoppers.uniqueEmail();
		var body = "{\"data\":{\"type\":\"customer-forgotten-password\",\"attributes\":{\"email\":\"%s\"}}}";

		assertThat(api.post("/api/customer-forgotten-password", body.formatted(email), null).status()).isEqualTo(204);
		assertThat(api.post("/api/customer-forgotten-password", body.formatted(stranger), null).status())
			.isEqualTo(204);
		assertError(api.post("/api/customer-forgotten-password", body.formatted("nope"), null), 422, "901",
				"email => This value is not a valid email address.");
		assertThat(TestMailServer.mailTo(email, "Choose a new password")).isNotNull();
		Thread.sleep(500);
		assertThat(TestMailServer.mailsTo(stranger)).isEmpty();
	}

	@Test
	void theMailedKeyRestoresThePasswordOnce() {
		api.post("/api/customer-forgotten-password",
				"{\"data\":{\"type\":\"customer-forgotten-password\",\"attributes\":{\"email\":\"" + email + "\"}}}",
				null);
		var link = TestMailServer.linkIn(TestMailServer.mailTo(email, "Choose a new password"));
		var key = link.substring(link.indexOf("token=") + 6);

		var restored = api.patch("/api/customer-restore-password/any", restore(key, NEW_PASSWORD, NEW_PASSWORD), null);
		var again = api.patch("/api/customer-restore-password/any", restore(key, NEW_PASSWORD, NEW_PASSWORD), null);

		assertThat(restored.status()).isEqualTo(204);
		assertThat(Passwords.verify(passwords, email, NEW_PASSWORD)).isPresent();
		assertError(again, 422, "415", "Restore password key is not valid.");
	}

	@Test
	void restoreRejectsMismatchesMissingIdsAndMadeUpKeys() {
		assertError(api.patch("/api/customer-restore-password/any", restore("x".repeat(43), NEW_PASSWORD, NEW_PASSWORD),
				null), 422, "415", "Restore password key is not valid.");
		assertError(api.patch("/api/customer-restore-password/any", restore("k", NEW_PASSWORD, "other-one-123"), null),
				422, "406", "Value in field password should be identical to value in the confirmPassword field.");
		assertAnswer(api.patch("/api/customer-restore-password", restore("k", NEW_PASSWORD, NEW_PASSWORD), null), 400,
				"{\"errors\":[{\"status\":400,\"detail\":\"Resource id is not specified.\"}]}");
	}

	static String registration(String email, String password) {
		return """
				{"data":{"type":"customers","attributes":{"salutation":"Mrs","firstName":"Sonia","lastName":"Wagner",
				 "email":"%s","gender":"Female","password":"%s","confirmPassword":"%s","acceptedTerms":true}}}"""
			.formatted(email, password, password);
	}

	WebClient.Page registerInTheStorefront(String password) {
		var browser = new WebClient(port, Shoppers.uniqueClientAddress());
		browser.get("/register");
		var form = Shoppers.registrationForm(Shoppers.uniqueEmail(), "password", password);
		form.put("passwordConfirmation", password);
		return browser.post("/register", form);
	}

	@Test
	void theApiRefusesAFourteenCharacterPasswordWith418WhereTheStorefrontAsksForFifteenAndBothTakeFifteen() {
		var app = new ApiClient(port, Shoppers.uniqueClientAddress());
		var shopper = new WebClient(port);
		shopper.logIn(email, Shoppers.PASSWORD);
		shopper.get("/customer/profile");

		var storefrontRegistration = registerInTheStorefront(FOURTEEN);
		var storefrontChange = shopper.post("/customer/profile/password", java.util.Map.of("currentPassword",
				Shoppers.PASSWORD, "newPassword", FOURTEEN, "newPasswordConfirmation", FOURTEEN));

		assertThat(storefrontRegistration.body()).contains("The password must have at least 15 characters.");
		assertThat(storefrontChange.body()).contains("The password must have at least 15 characters.");
		assertError(app.post("/api/customers", registration(Shoppers.uniqueEmail(), FOURTEEN), null), 400, "418",
				"The password is too short.");
		assertError(
				api.patch("/api/customer-password/" + customer.reference().value(),
						change(Shoppers.PASSWORD, FOURTEEN, FOURTEEN), token),
				400, "418", "The password is too short.");
		assertError(api.patch("/api/customer-restore-password/any", restore("k", FOURTEEN, FOURTEEN), null), 422, "415",
				"Restore password key is not valid.");
		assertThat(registerInTheStorefront(FIFTEEN).status()).as("storefront").isEqualTo(302);
		assertThat(app.post("/api/customers", registration(Shoppers.uniqueEmail(), FIFTEEN), null).status())
			.as("API registration")
			.isEqualTo(201);
		assertThat(api
			.patch("/api/customer-password/" + customer.reference().value(),
					change(Shoppers.PASSWORD, FIFTEEN, FIFTEEN), token)
			.status()).as("API change").isEqualTo(204);
	}

	@Test
	void requestValidationChecksTheLowestMinimumAnyAccountMayHaveAndThePolicyTheAccountsOwn() {
		var seven = "tk9-vq2";
		// nine: zxcvbn rates no eight characters "strong", which would add code 426
		var nine = "tk9-vq2mx";

		assertAnswer(
				api.patch("/api/customer-password/" + customer.reference().value(),
						change(Shoppers.PASSWORD, seven, seven), token),
				422,
				"""
						{"errors":[
						 {"code":"901","status":422,"detail":"newPassword => This value is too short. It should have 8 characters or more."},
						 {"code":"901","status":422,"detail":"confirmPassword => This value is too short. It should have 8 characters or more."}]}""");
		assertError(api.patch("/api/customer-password/" + customer.reference().value(),
				change(Shoppers.PASSWORD, nine, nine), token), 400, "418", "The password is too short.");
	}

}
