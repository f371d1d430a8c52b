package io.clientele.storefront;

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
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/** Forgotten, restore and change, over real HTTP with real mail. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontPasswordIntegrationTests {

	static final String NEW_PASSWORD = "violet-lantern-orchard-3";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	PasswordManagement passwords;

	String email;

	@BeforeEach
	void shopper() {
		email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
	}

	String requestResetLink(String address) {
		var browser = new WebClient(port);
		browser.get("/password/forgotten");
		browser.post("/password/forgotten", Map.of("email", address));
		return TestMailServer.linkIn(TestMailServer.mailTo(address, "Choose a new password"));
	}

	@Test
	void forgottenAnswersAKnownAndAnUnknownAddressAlike() {
		var known = new WebClient(port);
		var unknown = new WebClient(port);
		var stranger = Shoppers.uniqueEmail();
		known.get("/password/forgotten");
		unknown.get("/password/forgotten");

		var knownAnswer = known.post("/password/forgotten", Map.of("email", email));
		var unknownAnswer = unknown.post("/password/forgotten", Map.of("email", stranger));

		assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status()).isEqualTo(302);
		assertThat(unknownAnswer.location()).isEqualTo(knownAnswer.location());
		assertThat(unknown.follow(unknownAnswer).bodyWithoutCsrfToken())
			.isEqualTo(known.follow(knownAnswer).bodyWithoutCsrfToken())
			.contains("If there is an account with this email address");
		assertThat(TestMailServer.mailTo(email, "Choose a new password")).isNotNull();
		assertThat(TestMailServer.mailsTo(stranger)).isEmpty();
	}

	@Test
	void theResetLinkLeadsToANewPasswordThatWorksAndTheOldOneNoLonger() {
		var link = requestResetLink(email);
		var browser = new WebClient(port);

		var form = browser.get(link);
		var answer = browser.post("/password/restore", Map.of("token", link.substring(link.indexOf('=') + 1),
				"password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD));

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.header("Referrer-Policy")).contains("no-referrer");
		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(browser.follow(answer).body()).contains("Your password was changed.");
		assertThat(TestMailServer.mailTo(email, "Your password was changed")).isNotNull();
		assertThat(new WebClient(port).logIn(email, NEW_PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void aResetLinkWorksOnceAndThenExplainsItself() {
		var link = requestResetLink(email);
		var token = link.substring(link.indexOf('=') + 1);
		var browser = new WebClient(port);
		browser.get(link);
		browser.post("/password/restore",
				Map.of("token", token, "password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD));

		var again = new WebClient(port).get(link);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("This link has already been used.").contains("/password/forgotten");
	}

	@Test
	void aRejectedNewPasswordLeavesTheLinkUsable() {
		var link = requestResetLink(email);
		var token = link.substring(link.indexOf('=') + 1);
		var browser = new WebClient(port);
		browser.get(link);

		var rejected = browser.post("/password/restore",
				Map.of("token", token, "password", "password1234", "passwordConfirmation", "password1234"));

		assertThat(rejected.body()).contains("This password is one of the most commonly used passwords.");
		assertThat(new WebClient(port).get(link).body()).doesNotContain("This link");
	}

	@Test
	void aNewerRequestVoidsTheEarlierLink() {
		var first = requestResetLink(email);
		var browser = new WebClient(port);
		browser.get("/password/forgotten");
		browser.post("/password/forgotten", Map.of("email", email));
		TestMailServer.mailsTo(email, 2);

		assertThat(new WebClient(port).get(first).body()).contains("This link is not valid.");
	}

	@Test
	void aPasswordChangeVoidsAnOutstandingResetLink() {
		var link = requestResetLink(email);
		var customer = Accounts.idOf(email);

		passwords.changePassword(customer, Shoppers.PASSWORD, NEW_PASSWORD,
				io.clientele.credentials.LoginAttempt.unknownClient(),
				io.clientele.multifactor.SecondFactorProof.none());

		assertThat(new WebClient(port).get(link).body()).contains("This link is not valid.");
	}

	@Test
	void malformedTruncatedAndMissingTokensGetTheExplanationAndNoError() {
		var link = requestResetLink(email);

		assertThat(new WebClient(port).get(link.substring(0, link.length() - 1)).body())
			.contains("This link is not valid.");
		assertThat(new WebClient(port).get("/password/restore?token=%3Cscript%3E").body())
			.contains("This link is not valid.")
			.doesNotContain("<script>");
		assertThat(new WebClient(port).get("/password/restore").status()).isEqualTo(200);
		var browser = new WebClient(port);
		browser.get("/password/forgotten");
		assertThat(browser
			.post("/password/restore",
					Map.of("token", "x".repeat(5000), "password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD))
			.body()).contains("This link is not valid.");
	}

	@Test
	void moreThanFiveRequestsAnHourForOneAddressSendNoMoreMail() throws Exception {
		var browser = new WebClient(port);
		for (int i = 0; i < 7; i++) {
			browser.get("/password/forgotten");
			var answer = browser.post("/password/forgotten", Map.of("email", email));
			assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}

		TestMailServer.mailsTo(email, 5);
		Thread.sleep(1500);
		assertThat(TestMailServer.mailsTo(email)).hasSize(5);
	}

	@Test
	void changingThePasswordEndsOtherSessionsKeepsThisOneAndTellsTheCustomer() {
		var other = new WebClient(port);
		other.logIn(email, Shoppers.PASSWORD);
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		browser.get("/customer/profile");

		var answer = browser.post("/customer/profile/password", Map.of("currentPassword", Shoppers.PASSWORD,
				"newPassword", NEW_PASSWORD, "newPasswordConfirmation", NEW_PASSWORD));

		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/customer/profile"));
		assertThat(browser.follow(answer).body()).contains("Your password was changed.");
		assertThat(browser.get("/customer/overview").status()).isEqualTo(200);
		assertThat(other.get("/customer/overview").status()).as("the other session ended").isEqualTo(302);
		assertThat(TestMailServer.mailTo(email, "Your password was changed")).isNotNull();
	}

	@Test
	void aWrongCurrentPasswordIsAFieldErrorAndCountsAsAFailedLogin() {
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		for (int i = 0; i < 9; i++) {
			browser.get("/customer/profile");
			var page = browser.post("/customer/profile/password", Map.of("currentPassword", "not-my-password-1",
					"newPassword", NEW_PASSWORD, "newPasswordConfirmation", NEW_PASSWORD));
			assertThat(page.body()).contains("This is not your current password.");
		}

		var blocked = new WebClient(port).logIn(email, "another-wrong-one-2");

		assertThat(blocked.status()).isEqualTo(429);
	}

	@Test
	void policyViolationsOfTheNewPasswordAreShownTogetherInGerman() {
		var german = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, german, "de_DE");
		var browser = new WebClient(port);
		browser.logIn(german, Shoppers.PASSWORD);
		browser.get("/customer/profile");

		var page = browser.post("/customer/profile/password",
				Map.of("currentPassword", Shoppers.PASSWORD, "newPassword", "aaab", "newPasswordConfirmation", "aaab"));

		assertThat(page.body()).contains("Das Passwort muss mindestens 15 Zeichen haben.")
			.contains("Das Passwort darf ein Zeichen nicht 3-mal oder öfter hintereinander wiederholen.")
			.contains("mindestens als stark bewertet wird");
	}

}
