package io.clientele.api;

import static io.clientele.api.GlueContract.assertAnswer;
import static io.clientele.api.GlueContract.assertError;
import static io.clientele.api.GlueContract.pattern;
import static io.clientele.api.MultiFactorSteps.body;
import static io.clientele.api.MultiFactorSteps.code;
import static io.clientele.api.MultiFactorSteps.mailedCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Passwords;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spryker's multi-factor resources and the protected calls, over HTTP with Glue's bodies:
 * turning methods on and off, the login that carries the code in {@code X-MFA-Code}, the
 * grace period of a token family, and the attacks on them. Mailed codes may follow each
 * other at once here (the interval has its own test in
 * {@link ApiMultiFactorTimingIntegrationTests}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clientele.mfa.email-code-interval=0s")
class ApiMultiFactorIntegrationTests {

	static final String NEW_PASSWORD = "violet-lantern-orchard-3";

	static final String PROFILE_CHANGE = """
			{"data":{"type":"customers","attributes":{"lastName":"Johnson"}}}""";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PasswordManagement passwords;

	@Autowired
	JsonMapper json;

	ApiClient api;

	MultiFactorSteps steps;

	String email;

	CustomerDetails customer;

	String token;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		steps = new MultiFactorSteps(api, json);
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
		token = api.accessToken(email, Shoppers.PASSWORD);
	}

	String reference() {
		return customer.reference().value();
	}

	ApiClient.Answer changeProfile(String token, Map<String, String> headers) {
		return api.call("PATCH", "/api/customers/" + reference(), PROFILE_CHANGE, token, headers);
	}

	ApiClient.Answer changePassword(String token, String current, String next, Map<String, String> headers) {
		var body = """
				{"data":{"type":"customer-password","attributes":{"password":"%s","newPassword":"%s","confirmPassword":"%s"}}}"""
			.formatted(current, next, next);
		return api.call("PATCH", "/api/customer-password/" + reference(), body, token, headers);
	}

	static void assertMissing(ApiClient.Answer answer) {
		assertError(answer, 403, "5900", "X-MFA-Code header is missing.");
	}

	static void assertInvalid(ApiClient.Answer answer) {
		assertError(answer, 403, "5901", "X-MFA-Code is invalid.");
	}

	static String types(int email, int totp) {
		return """
				{"data":[{"type":"multi-factor-auth-types","attributes":{"type":"email","status":%d}},
				 {"type":"multi-factor-auth-types","attributes":{"type":"totp","status":%d}}]}""".formatted(email,
				totp);
	}

	@Test
	void theTypesAreEmailAndTotpWithSprykersStatusNumbersAndNeitherIdNorLinks() {
		assertAnswer(api.get("/api/multi-factor-auth-types", token), 200, types(0, 0));

		steps.post(ApiMultiFactorController.ACTIVATE, "email", token, Map.of());
		assertAnswer(api.get("/api/multi-factor-auth-types", token), 200, types(1, 0));

		steps.post(ApiMultiFactorController.VERIFY, "email", token, code(mailedCode(email, 1)));
		assertAnswer(api.get("/api/multi-factor-auth-types", token), 200, types(2, 0));
	}

	@Test
	void withoutATokenTheResourcesAnswerGluesMissingAccessToken() {
		assertError(api.get("/api/multi-factor-auth-types", null), 403, "002", "Missing access token.");
		assertError(api.post("/api/multi-factor-auth-trigger", body("multi-factor-auth-trigger", "email"), null), 403,
				"002", "Missing access token.");
	}

	@Test
	void theEmailMethodIsTurnedOnWithTheMailedCodeAndTheFirstMethodBringsTenRecoveryCodesOnce() {
		var activated = steps.post(ApiMultiFactorController.ACTIVATE, "email", token, Map.of());
		assertThat(activated.status()).isEqualTo(204);
		assertThat(activated.body()).isEmpty();
		var mailed = mailedCode(email, 1);

		assertMissing(steps.post(ApiMultiFactorController.VERIFY, "email", token, Map.of()));
		assertInvalid(steps.post(ApiMultiFactorController.VERIFY, "email", token,
				code(mailed.equals("000000") ? "111111" : "000000")));
		var verified = steps.post(ApiMultiFactorController.VERIFY, "email", token, code(mailed));

		assertAnswer(verified, 200,
				"""
						{"data":{"type":"multi-factor-auth-type-verify","id":null,"attributes":{"type":"email",
						 "recoveryCodes":["x","x","x","x","x","x","x","x","x","x"]},"links":{"self":"x"}},"links":{"self":"x"}}""",
				pattern("data.attributes.recoveryCodes[*]", "[a-z2-7]{5}-[a-z2-7]{5}"),
				pattern("data.links.self", "http://127\\.0\\.0\\.1:\\d+/api/multi-factor-auth-type-verify"),
				pattern("links.self", "http://127\\.0\\.0\\.1:\\d+/api/multi-factor-auth-type-verify"));
		assertThat(verified.header("Cache-Control")).hasValue("no-store");
		assertThat(TestMailServer.mailTo(email, "A sign-in method was added")).isNotNull();
		assertError(steps.post(ApiMultiFactorController.ACTIVATE, "email", token, Map.of()), 400, "5904",
				"MFA type already activated.");
		assertError(steps.post(ApiMultiFactorController.VERIFY, "email", token, code(mailed)), 400, "5904",
				"MFA type already activated.");
	}

	@Test
	void theAppIsActivatedWithItsSecretUriAndQrCodeAndVerifiedWithAnAppCode() {
		var enrolment = steps.post(ApiMultiFactorController.ACTIVATE, "totp", token, Map.of());

		assertAnswer(enrolment, 201, """
				{"data":{"type":"multi-factor-auth-type-activate","id":null,"attributes":{"type":"totp","secret":"x",
				 "uri":"x","qrCode":"x"},"links":{"self":"x"}},"links":{"self":"x"}}""",
				pattern("data.attributes.secret", "[A-Z2-7]{32}"),
				pattern("data.attributes.uri", "otpauth://totp/Clientele:.+\\?secret=[A-Z2-7]{32}&issuer=Clientele.*"),
				pattern("data.attributes.qrCode", "data:image/svg\\+xml[;,].+"),
				pattern("data.links.self", "http://127\\.0\\.0\\.1:\\d+/api/multi-factor-auth-type-activate"),
				pattern("links.self", "http://127\\.0\\.0\\.1:\\d+/api/multi-factor-auth-type-activate"));
		assertThat(enrolment.header("Cache-Control")).hasValue("no-store");
		assertAnswer(api.get("/api/multi-factor-auth-types", token), 200, types(0, 1));
		var app = new io.clientele.support.AuthenticatorApp(
				json.readTree(enrolment.body()).at("/data/attributes/secret").stringValue());

		assertThat(
				steps.recoveryCodes(steps.post(ApiMultiFactorController.VERIFY, "totp", token, code(app.nextCode()))))
			.hasSize(10);
		assertAnswer(api.get("/api/multi-factor-auth-types", token), 200, types(0, 2));
	}

	@Test
	void aSecondMethodNeedsACodeOfTheFirstAndAnswers204WithoutNewRecoveryCodes() {
		var app = steps.enableApp(token);

		assertMissing(steps.post(ApiMultiFactorController.ACTIVATE, "email", token, Map.of()));
		assertThat(steps.post(ApiMultiFactorController.ACTIVATE, "email", token, code(app.nextCode())).status())
			.isEqualTo(204);
		var verified = steps.post(ApiMultiFactorController.VERIFY, "email", token, code(mailedCode(email, 1)));

		assertThat(verified.status()).isEqualTo(204);
		assertThat(verified.body()).isEmpty();
		assertAnswer(api.get("/api/multi-factor-auth-types", token), 200, types(2, 2));
	}

	@Test
	void theTriggerMailsACodeThatPassesAProtectedCall() {
		steps.enableEmail(token, email, Map.of());

		var triggered = steps.post(ApiMultiFactorController.TRIGGER, "email", token, Map.of());

		assertThat(triggered.status()).isEqualTo(204);
		assertThat(triggered.body()).isEmpty();
		assertThat(changeProfile(token, code(mailedCode(email, 2))).status()).isEqualTo(200);
	}

	@Test
	void theTriggerOfAMethodThatIsNotOnIs5906AndOfTheAppSendsNothing() {
		assertError(steps.post(ApiMultiFactorController.TRIGGER, "email", token, Map.of()), 400, "5906",
				"MFA type is not found.");
		steps.enableApp(token);

		assertThat(steps.post(ApiMultiFactorController.TRIGGER, "totp", token, Map.of()).status()).isEqualTo(204);
	}

	@Test
	void aMissingTypeIs5902AnUnknownOne5906AndAnotherResourceTypeInvalidOnEveryResource() {
		for (var resource : new String[] { ApiMultiFactorController.TRIGGER, ApiMultiFactorController.ACTIVATE,
				ApiMultiFactorController.VERIFY, ApiMultiFactorController.DEACTIVATE }) {
			assertError(api.post("/api/" + resource, """
					{"data":{"type":"%s","attributes":{}}}""".formatted(resource), token), 400, "5902",
					"MFA type is missing.");
			assertError(api.post("/api/" + resource, """
					{"data":{"type":"%s","attributes":{"type":" "}}}""".formatted(resource), token), 400, "5902",
					"MFA type is missing.");
			assertError(steps.post(resource, "sms", token, Map.of()), 400, "5906", "MFA type is not found.");
			assertAnswer(api.post("/api/" + resource, body("customers", "email"), token), 400, """
					{"errors":[{"status":400,"detail":"Invalid type."}]}""");
		}
	}

	@Test
	void verifyingAMethodNotBeingTurnedOnIs5906AndTurningOffOneThatIsNotOn5903() {
		assertError(steps.post(ApiMultiFactorController.VERIFY, "totp", token, code("123456")), 400, "5906",
				"MFA type is not found.");
		assertError(steps.post(ApiMultiFactorController.DEACTIVATE, "email", token, code("123456")), 400, "5903",
				"Failed to deactivate MFA.");
	}

	@Test
	void turningAMethodOffNeedsAFreshCodeEvenWithinTheGracePeriod() {
		steps.enableEmail(token, email, Map.of());
		steps.post(ApiMultiFactorController.TRIGGER, "email", token, Map.of());
		assertThat(changeProfile(token, code(mailedCode(email, 2))).status()).isEqualTo(200);

		assertMissing(steps.post(ApiMultiFactorController.DEACTIVATE, "email", token, Map.of()));
		assertInvalid(steps.post(ApiMultiFactorController.DEACTIVATE, "email", token, code("000000")));
		steps.post(ApiMultiFactorController.TRIGGER, "email", token, Map.of());
		var deactivated = steps.post(ApiMultiFactorController.DEACTIVATE, "email", token, code(mailedCode(email, 3)));

		assertThat(deactivated.status()).isEqualTo(204);
		assertThat(deactivated.body()).isEmpty();
		assertAnswer(api.get("/api/multi-factor-auth-types", token), 200, types(0, 0));
		assertThat(TestMailServer.mailTo(email, "A sign-in method was removed")).isNotNull();
		assertThat(steps.login(email, Map.of()).status()).isEqualTo(201);
	}

	@Test
	void aLoginWithoutTheCodeIs5900AndMailsOneToAnEmailOnlyAccountWhichTheSameRequestThenCarries() {
		steps.enableEmail(token, email, Map.of());

		assertMissing(steps.login(email, Map.of()));
		var tokens = steps.login(email, code(mailedCode(email, 2)));

		assertThat(tokens.status()).as(tokens.body()).isEqualTo(201);
		assertThat(api.get("/api/customers", steps.accessToken(tokens)).status()).isEqualTo(200);
	}

	@Test
	void aLoginWithAWrongCodeIs5901AndAnAppOnlyAccountIsMailedNothing() {
		var app = steps.enableApp(token);

		assertMissing(steps.login(email, Map.of()));
		assertInvalid(steps.login(email, code(app.wrongCode())));
		assertInvalid(steps.login(email, code("12345x")));

		assertThat(MultiFactorSteps.codeMails(email)).isEmpty();
		assertThat(steps.login(email, code(app.nextCode())).status()).isEqualTo(201);
	}

	@Test
	void theOauthPasswordGrantCarriesTheCodeInTheSameHeader() {
		var app = steps.enableApp(token);
		var form = "grant_type=password&username=" + email.replace("@", "%40") + "&password=" + Shoppers.PASSWORD;

		assertMissing(api.send("POST", "/api/token", form, "application/x-www-form-urlencoded", null, Map.of()));
		var tokens = api.send("POST", "/api/token", form, "application/x-www-form-urlencoded", null,
				code(app.nextCode()));

		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		assertThat(tokens.body()).contains("\"access_token\"", "\"refresh_token\"");
	}

	@Test
	void aPasswordChangeIsRefusedWithoutTheCodeAndAcceptedWithIt() {
		var app = steps.enableApp(token);

		assertMissing(changePassword(token, Shoppers.PASSWORD, NEW_PASSWORD, Map.of()));
		assertThat(Passwords.verify(passwords, email, Shoppers.PASSWORD)).isPresent();

		assertThat(changePassword(token, Shoppers.PASSWORD, NEW_PASSWORD, code(app.nextCode())).status())
			.isEqualTo(204);
		assertThat(Passwords.verify(passwords, email, NEW_PASSWORD)).isPresent();
	}

	@Test
	void aProfileChangeIsRefusedWithoutTheCodeAndNothingChanges() {
		var app = steps.enableApp(token);

		assertMissing(changeProfile(token, Map.of()));
		assertThat(customers.find(customer.id()).orElseThrow().lastName()).isEqualTo("Lee");

		var changed = changeProfile(token, code(app.nextCode()));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(customers.find(customer.id()).orElseThrow().lastName()).isEqualTo("Johnson");
	}

	@Test
	void withinTheGracePeriodOfItsLoginATokenAndItsRefreshedSuccessorsNeedNoNewCode() {
		var app = steps.enableApp(token);
		var tokens = steps.login(email, code(app.nextCode()));
		var refreshed = api.post("/api/refresh-tokens", """
				{"data":{"type":"refresh-tokens","attributes":{"refreshToken":"%s"}}}"""
			.formatted(steps.refreshToken(tokens)), null);

		assertThat(changeProfile(steps.accessToken(refreshed), Map.of()).status()).isEqualTo(200);
		assertThat(changePassword(steps.accessToken(tokens), Shoppers.PASSWORD, NEW_PASSWORD, Map.of()).status())
			.isEqualTo(204);
	}

	@Test
	void aCodeTypedInOneCallOpensTheGracePeriodForTheFollowingCallsOfTheSameLogin() {
		var app = steps.enableApp(token);

		assertThat(changeProfile(token, code(app.nextCode())).status()).isEqualTo(200);

		assertThat(changePassword(token, Shoppers.PASSWORD, NEW_PASSWORD, Map.of()).status()).isEqualTo(204);
	}

	@Test
	void aStolenTokenOfAnotherLoginGetsNoGraceFromTheOwnersCode() {
		var stolen = api.accessToken(email, Shoppers.PASSWORD);
		var app = steps.enableApp(token);
		var owners = steps.accessToken(steps.login(email, code(app.nextCode())));
		assertThat(changeProfile(owners, Map.of()).status()).isEqualTo(200);

		assertMissing(changePassword(stolen, Shoppers.PASSWORD, NEW_PASSWORD, Map.of()));
		assertMissing(changeProfile(stolen, Map.of()));
		assertMissing(api.delete("/api/customers/" + reference(), stolen));

		assertThat(Passwords.verify(passwords, email, Shoppers.PASSWORD)).isPresent();
		assertThat(customers.find(customer.id()).orElseThrow().anonymized()).isFalse();
	}

	@Test
	void anAppCodeReplayedForASecondLoginIsRefused() {
		var app = steps.enableApp(token);
		assertThat(steps.login(email, code(app.nextCode())).status()).isEqualTo(201);

		assertInvalid(steps.login(email, code(app.lastCode())));
	}

	@Test
	void aRecoveryCodeInTheHeaderPassesOnceAndIsReportedByMail() {
		var recoveryCodes = steps.enableEmail(token, email, Map.of());

		assertThat(steps.login(email, code(recoveryCodes.getFirst().toUpperCase())).status()).isEqualTo(201);
		assertThat(TestMailServer.mailTo(email, "A recovery code was used")).isNotNull();

		assertInvalid(steps.login(email, code(recoveryCodes.getFirst())));
	}

	@Test
	void closingTheAccountWithAStolenTokenAndNoCodeIsRefusedAndNothingIsDeleted() {
		var app = steps.enableApp(token);

		assertMissing(api.delete("/api/customers/" + reference(), token));
		assertInvalid(api.call("DELETE", "/api/customers/" + reference(), null, token, code(app.wrongCode())));

		assertThat(customers.find(customer.id()).orElseThrow().anonymized()).isFalse();
		assertThat(steps.login(email, code(app.nextCode())).status()).isEqualTo(201);
	}

	@Test
	void closingTheAccountWithTheCodeAnonymisesItAndSendsTheLastMail() {
		var app = steps.enableApp(token);

		var deleted = api.call("DELETE", "/api/customers/" + reference(), null, token, code(app.nextCode()));

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(customers.find(customer.id()).orElseThrow().anonymized()).isTrue();
		assertThat(TestMailServer.mailTo(email, "Your customer account was deleted")).isNotNull();
	}

	@Test
	void guessingCodesLocksTheSecondStepWith429AndRetryAfterEvenForTheRightCode() {
		var app = steps.enableApp(token);
		var wrong = app.wrongCode();

		assertInvalid(changeProfile(token, code("abcdef")));
		for (var i = 0; i < 8; i++) {
			assertInvalid(changeProfile(token, code(wrong)));
		}
		var locked = changeProfile(token, code(wrong));

		assertError(locked, 429, "5901", "X-MFA-Code is invalid.");
		assertThat(locked.header("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(14 * 60, 15 * 60));
		var right = changeProfile(token, code(app.nextCode()));
		assertError(right, 429, "5901", "X-MFA-Code is invalid.");
		assertThat(right.header("Retry-After")).isPresent();
		assertThat(customers.find(customer.id()).orElseThrow().lastName()).isEqualTo("Lee");
	}

	@Test
	void anAccountWithoutASecondFactorNeedsNoCodeAnywhere() {
		assertThat(changeProfile(token, Map.of()).status()).isEqualTo(200);
		assertThat(steps.login(email, Map.of()).status()).isEqualTo(201);
		assertThat(changePassword(token, Shoppers.PASSWORD, NEW_PASSWORD, Map.of()).status()).isEqualTo(204);
	}

}
