package io.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.clientele.support.ApiClient;
import io.clientele.support.AuthenticatorApp;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import tools.jackson.databind.json.JsonMapper;

/** The steps an app takes with Spryker's multi-factor resources, over HTTP. */
final class MultiFactorSteps {

	static final String MFA_CODE = "X-MFA-Code";

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private final ApiClient api;

	private final JsonMapper json;

	MultiFactorSteps(ApiClient api, JsonMapper json) {
		this.api = api;
		this.json = json;
	}

	static String body(String resource, String type) {
		return """
				{"data":{"type":"%s","attributes":{"type":"%s"}}}""".formatted(resource, type);
	}

	static Map<String, String> code(String code) {
		return Map.of(MFA_CODE, code);
	}

	ApiClient.Answer post(String resource, String type, String token, Map<String, String> headers) {
		return api.call("POST", "/api/" + resource, body(resource, type), token, headers);
	}

	ApiClient.Answer login(String email, Map<String, String> headers) {
		var body = """
				{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}""".formatted(email,
				Shoppers.PASSWORD);
		return api.call("POST", "/api/access-tokens", body, null, headers);
	}

	String accessToken(ApiClient.Answer tokens) {
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(201);
		return json.readTree(tokens.body()).at("/data/attributes/accessToken").stringValue();
	}

	String refreshToken(ApiClient.Answer tokens) {
		return json.readTree(tokens.body()).at("/data/attributes/refreshToken").stringValue();
	}

	List<String> recoveryCodes(ApiClient.Answer verified) {
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		var codes = new ArrayList<String>();
		json.readTree(verified.body()).at("/data/attributes/recoveryCodes").forEach(c -> codes.add(c.stringValue()));
		return codes;
	}

	/**
	 * Turns the e-mail method on with the mailed code; the recovery codes if it was the
	 * first method, else none.
	 */
	List<String> enableEmail(String token, String email, Map<String, String> proof) {
		var before = codeMails(email).size();
		assertThat(post(ApiMultiFactorController.ACTIVATE, "email", token, proof).status()).isEqualTo(204);
		var verified = post(ApiMultiFactorController.VERIFY, "email", token, code(mailedCode(email, before + 1)));
		if (verified.status() == 204) {
			return List.of();
		}
		return recoveryCodes(verified);
	}

	/** Turns the app on as the customer's first method. */
	AuthenticatorApp enableApp(String token) {
		var enrolment = post(ApiMultiFactorController.ACTIVATE, "totp", token, Map.of());
		assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(201);
		var app = new AuthenticatorApp(json.readTree(enrolment.body()).at("/data/attributes/secret").stringValue());
		assertThat(recoveryCodes(post(ApiMultiFactorController.VERIFY, "totp", token, code(app.nextCode()))))
			.hasSize(10);
		return app;
	}

	/** The code in the {@code count}th mail with a sign-in code, waiting for it. */
	static String mailedCode(String email, int count) {
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		var mails = codeMails(email);
		while (mails.size() < count && System.nanoTime() < deadline) {
			sleep(50);
			mails = codeMails(email);
		}
		assertThat(mails).as("mails with a sign-in code to " + email).hasSizeGreaterThanOrEqualTo(count);
		var matcher = CODE.matcher(TestMailServer.bodyOf(mails.get(count - 1)));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	static List<jakarta.mail.internet.MimeMessage> codeMails(String email) {
		return TestMailServer.mailsTo(email)
			.stream()
			.filter(mail -> TestMailServer.subjectOf(mail).contains("Your sign-in code"))
			.toList();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
