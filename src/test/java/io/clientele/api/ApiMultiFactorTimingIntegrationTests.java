package io.clientele.api;

import static io.clientele.api.GlueContract.assertError;
import static io.clientele.api.MultiFactorSteps.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

/**
 * The clocks of the second factor on the API, with the real clock: a grace period of
 * three seconds ends, and e-mailed codes keep their least interval (30 seconds by
 * default).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clientele.mfa.grace-period=3s")
class ApiMultiFactorTimingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

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

	ApiClient.Answer changeProfile(String token, Map<String, String> headers) {
		return api.call("PATCH", "/api/customers/" + customer.reference().value(), """
				{"data":{"type":"customers","attributes":{"lastName":"Johnson"}}}""", token, headers);
	}

	@Test
	void afterTheGracePeriodTheSameLoginsTokenNeedsACodeAgain() {
		var app = steps.enableApp(token);
		var login = steps.accessToken(steps.login(email, code(app.nextCode())));

		MultiFactorSteps.sleep(3_500);

		assertError(changeProfile(login, Map.of()), 403, "5900", "X-MFA-Code header is missing.");
	}

	@Test
	void aSecondCodeAskedForTooSoonIs429WithRetryAfterAndNoMail() {
		steps.enableEmail(token, email, Map.of());

		var again = steps.post(ApiMultiFactorController.TRIGGER, "email", token, Map.of());

		assertError(again, 429, "5920", "A code was sent a moment ago. Please wait before asking for a new one.");
		assertThat(again.header("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30));
		MultiFactorSteps.sleep(500);
		assertThat(MultiFactorSteps.codeMails(email)).hasSize(1);
	}

}
