package io.clientele.api;

import static io.clientele.api.GlueContract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.authentication.AccessCutoff;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.MutableClock;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A password change or reset, a block, "sign out everywhere else" and account deletion
 * end every way in through the API: access tokens already issued get 401 on every
 * customer endpoint, on every node (the cut-off is in PostgreSQL), and refresh tokens no
 * longer rotate. Each test takes its tokens first, as a thief holding them would, and
 * uses them afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiTokenRevocationIntegrationTests {

	static final String NEW_PASSWORD = "violet-lantern-orchard-3";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	StaffAccounts staffAccounts;

	@Autowired
	SigningKeys keys;

	@Autowired
	ApiSettings settings;

	@Autowired
	JsonMapper json;

	@Autowired
	AccessCutoff cutoff;

	@Value("${clientele.public-url:http://localhost:8080}")
	String publicUrl;

	ApiClient api;

	String email;

	CustomerDetails customer;

	String reference;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
		reference = customer.reference().value();
	}

	@Test
	void anAccessTokenTakenBeforeAPasswordResetGets401OnEveryCustomerEndpoint() {
		var stolen = login(email, Shoppers.PASSWORD);
		assertThat(api.get("/api/customers/" + reference, stolen.accessToken()).status()).isEqualTo(200);

		resetThroughTheStorefront(email, NEW_PASSWORD);

		assertEveryCustomerEndpointRefuses(stolen.accessToken());
		var afterwards = login(email, NEW_PASSWORD);
		assertThat(api.get("/api/customers/" + reference, afterwards.accessToken()).status()).isEqualTo(200);
		assertThat(api.get("/api/customers/" + reference + "/addresses", afterwards.accessToken()).status())
			.isEqualTo(200);
	}

	@Test
	void aRefreshTokenTakenBeforeAPasswordResetIsRefused() {
		var stolen = login(email, Shoppers.PASSWORD);
		var stolenByForm = json
			.readTree(form("grant_type=password&username=" + email + "&password=" + Shoppers.PASSWORD).body())
			.get("refresh_token")
			.stringValue();

		resetThroughTheApi(email, NEW_PASSWORD);

		assertError(refresh(stolen.refreshToken()), 401, "004", "Failed to refresh token.");
		var byForm = form("grant_type=refresh_token&refresh_token=" + stolenByForm);
		assertThat(byForm.status()).isEqualTo(400);
		assertThat(byForm.body()).contains("\"error\":\"invalid_grant\"");
		assertEveryCustomerEndpointRefuses(stolen.accessToken());
		assertThat(refresh(login(email, NEW_PASSWORD).refreshToken()).status()).isEqualTo(201);
	}

	@Test
	void everyAccessTokenTakenBeforeAPasswordChangeThroughTheApiGets401TheCallersOwnIncluded() {
		var stolen = login(email, Shoppers.PASSWORD);
		var caller = login(email, Shoppers.PASSWORD);

		var change = api.patch("/api/customer-password/" + reference, """
				{"data":{"type":"customer-password","attributes":{"password":"%s","newPassword":"%s",
				 "confirmPassword":"%s"}}}""".formatted(Shoppers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD),
				caller.accessToken());

		assertThat(change.status()).isEqualTo(204);
		assertEveryCustomerEndpointRefuses(stolen.accessToken());
		assertEveryCustomerEndpointRefuses(caller.accessToken());
		assertError(refresh(stolen.refreshToken()), 401, "004", "Failed to refresh token.");
		assertThat(api.get("/api/customers/" + reference, login(email, NEW_PASSWORD).accessToken()).status())
			.isEqualTo(200);
	}

	@Test
	void aBlockedCustomersAccessTokensGet401OnEveryCustomerEndpoint() {
		var stolen = login(email, Shoppers.PASSWORD);
		var staff = BackofficeLogins.signedInAdmin(port, staffAccounts);
		staff.get("/backoffice/customers/" + reference + "/login-details");

		var blocked = staff.post("/backoffice/customers/" + reference + "/block", Map.of("blocked", "true"));

		assertThat(blocked.status()).isEqualTo(302);
		assertEveryCustomerEndpointRefuses(stolen.accessToken());
		assertError(refresh(stolen.refreshToken()), 401, "004", "Failed to refresh token.");
	}

	@Test
	void signingOutEverywhereElseInTheStorefrontEndsEveryAppsTokens() {
		var app = login(email, Shoppers.PASSWORD);
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		browser.get("/customer/sessions");

		var signedOut = browser.post("/customer/sessions/sign-out-others", Map.of());

		assertThat(signedOut.status()).isEqualTo(302);
		assertEveryCustomerEndpointRefuses(app.accessToken());
		assertError(refresh(app.refreshToken()), 401, "004", "Failed to refresh token.");
		assertThat(browser.get("/customer/overview").status()).as("the browser that asked stays").isEqualTo(200);
		assertThat(api.get("/api/customers/" + reference, login(email, Shoppers.PASSWORD).accessToken()).status())
			.isEqualTo(200);
	}

	@Test
	void aDeletedAccountsRemainingAccessTokensGet401() {
		var otherApp = login(email, Shoppers.PASSWORD);
		var deleting = login(email, Shoppers.PASSWORD);

		var deleted = api.delete("/api/customers/" + reference, deleting.accessToken());

		assertThat(deleted.status()).isEqualTo(204);
		assertEveryCustomerEndpointRefuses(otherApp.accessToken());
		assertEveryCustomerEndpointRefuses(deleting.accessToken());
		assertError(refresh(otherApp.refreshToken()), 401, "004", "Failed to refresh token.");
	}

	/**
	 * {@code iat} has whole seconds: both tokens below usually share theirs with the
	 * cut-off, and only the millisecond issue instant tells them apart.
	 */
	@Test
	void aTokenIssuedInTheSameSecondJustBeforeTheCutOffIsRefusedAndOneJustAfterWorks() {
		var holder = new ApiCustomer(customer.id(), reference);
		cutoff.cutOff(customer.id());
		var notBefore = cutoff.notBefore(customer.id()).orElseThrow();

		var justBefore = new AccessTokens(keys, settings, json, new MutableClock(notBefore.minusNanos(1_000)), cutoff,
				publicUrl)
			.issue(holder);
		var justAfter = new AccessTokens(keys, settings, json, new MutableClock(notBefore.plusMillis(1)), cutoff,
				publicUrl)
			.issue(holder);

		assertError(api.get("/api/customers/" + reference, justBefore), 401, "001", "Invalid access token.");
		assertThat(api.get("/api/customers/" + reference, justAfter).status()).isEqualTo(200);
	}

	void assertEveryCustomerEndpointRefuses(String token) {
		var patch = """
				{"data":{"type":"customers","attributes":{"firstName":"Mallory"}}}""";
		var address = """
				{"data":{"type":"addresses","attributes":{"salutation":"Mr","firstName":"Mal","lastName":"Lory",
				 "address1":"Evil Street","address2":"1","zipCode":"10115","city":"Berlin","iso2Code":"DE",
				 "isDefaultShipping":true,"isDefaultBilling":true}}}""";
		var password = """
				{"data":{"type":"customer-password","attributes":{"password":"%s","newPassword":"mallory-owns-it-now-9",
				 "confirmPassword":"mallory-owns-it-now-9"}}}""".formatted(NEW_PASSWORD);
		var answers = Map.ofEntries(Map.entry("GET /api/customers", api.get("/api/customers", token)),
				Map.entry("GET /api/customers/{ref}", api.get("/api/customers/" + reference, token)),
				Map.entry("GET /api/customers/{ref}?include=addresses",
						api.get("/api/customers/" + reference + "?include=addresses", token)),
				Map.entry("PATCH /api/customers/{ref}", api.patch("/api/customers/" + reference, patch, token)),
				Map.entry("GET /api/customers/{ref}/addresses",
						api.get("/api/customers/" + reference + "/addresses", token)),
				Map.entry("POST /api/customers/{ref}/addresses",
						api.post("/api/customers/" + reference + "/addresses", address, token)),
				Map.entry("GET /api/customers/{ref}/orders", api.get("/api/customers/" + reference + "/orders", token)),
				Map.entry("GET /api/orders", api.get("/api/orders", token)),
				Map.entry("PATCH /api/customer-password/{ref}",
						api.patch("/api/customer-password/" + reference, password, token)),
				Map.entry("DELETE /api/refresh-tokens/mine", api.delete("/api/refresh-tokens/mine", token)),
				Map.entry("DELETE /api/customers/{ref}", api.delete("/api/customers/" + reference, token)));
		answers.forEach((endpoint, answer) -> {
			assertThat(answer.status()).as(endpoint + ": " + answer.body()).isEqualTo(401);
			assertThat(answer.body()).as(endpoint).contains("\"code\":\"001\"").contains("Invalid access token.");
		});
	}

	record Login(String accessToken, String refreshToken) {
	}

	Login login(String username, String password) {
		var answer = api.post("/api/access-tokens", """
				{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}""".formatted(username,
				password), null);
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		var attributes = json.readTree(answer.body()).get("data").get("attributes");
		return new Login(attributes.get("accessToken").stringValue(), attributes.get("refreshToken").stringValue());
	}

	ApiClient.Answer refresh(String refreshToken) {
		return api.post("/api/refresh-tokens", """
				{"data":{"type":"refresh-tokens","attributes":{"refreshToken":"%s"}}}""".formatted(refreshToken), null);
	}

	ApiClient.Answer form(String body) {
		return api.send("POST", "/api/token", body, "application/x-www-form-urlencoded", null);
	}

	/** The shopper's reset: the link from the real mail, the storefront's form. */
	void resetThroughTheStorefront(String address, String newPassword) {
		var browser = new WebClient(port);
		browser.get("/password/forgotten");
		browser.post("/password/forgotten", Map.of("email", address));
		var link = TestMailServer.linkIn(TestMailServer.mailTo(address, "Choose a new password"));
		browser.get(link);
		var restored = browser.post("/password/restore", Map.of("token", link.substring(link.indexOf('=') + 1),
				"password", newPassword, "passwordConfirmation", newPassword));
		assertThat(restored.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	/** An app's reset: the key from the real mail, {@code /customer-restore-password}. */
	void resetThroughTheApi(String address, String newPassword) {
		api.post("/api/customer-forgotten-password",
				"{\"data\":{\"type\":\"customer-forgotten-password\",\"attributes\":{\"email\":\"" + address + "\"}}}",
				null);
		var link = TestMailServer.linkIn(TestMailServer.mailTo(address, "Choose a new password"));
		var restored = api.patch("/api/customer-restore-password/any", """
				{"data":{"type":"customer-restore-password","id":"any","attributes":{"restorePasswordKey":"%s",
				 "password":"%s","confirmPassword":"%s"}}}""".formatted(link.substring(link.indexOf("token=") + 6),
				newPassword, newPassword), null);
		assertThat(restored.status()).as(restored.body()).isEqualTo(204);
	}

}
