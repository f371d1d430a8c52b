package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.mkammerer.argon2.Argon2Factory;
import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * A password set before the policy tightened keeps working; after logging in its owner is
 * asked to change it and may postpone (the default).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontOutdatedPasswordIntegrationTests {

	static final String OLD_WEAK_PASSWORD = "sunshine";

	// met the 12-character minimum before NIST SP 800-63B-4's 15; otherwise strong
	static final String TWELVE_CHARACTERS = "tk9-vq2-mzr7";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	String customerWithOldPassword() {
		return customerWithOldPassword(OLD_WEAK_PASSWORD, "en_US");
	}

	String customerWithOldPassword(String password, String locale) {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email, locale);
		// as if set years ago under a weaker policy
		var hash = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id).hash(2, 19456, 1, password.toCharArray());
		jdbc.sql("update credentials_password set hash = ? where owner_id = ?")
			.params(hash, customer.id().value())
			.update();
		return email;
	}

	@Test
	void anOutdatedPasswordStillLogsInAndLeadsToTheChangeFormWhichMayBePostponed() {
		var email = customerWithOldPassword();
		var browser = new WebClient(port);

		var answer = browser.logIn(email, OLD_WEAK_PASSWORD);
		var profile = browser.follow(answer);

		assertThat(answer.location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/profile?password-outdated"));
		assertThat(profile.body()).contains("Your password no longer meets our password rules.")
			.contains("id=\"postpone\"");
		assertThat(browser.get("/customer/overview").status()).as("postponed").isEqualTo(200);
	}

	@Test
	void afterTheChangeTheReminderIsGone() {
		var email = customerWithOldPassword();
		var browser = new WebClient(port);
		browser.logIn(email, OLD_WEAK_PASSWORD);
		browser.get("/customer/profile");

		browser.post("/customer/profile/password", Map.of("currentPassword", OLD_WEAK_PASSWORD, "newPassword",
				"violet-lantern-orchard-3", "newPasswordConfirmation", "violet-lantern-orchard-3"));

		assertThat(browser.get("/customer/profile").body()).doesNotContain("no longer meets our password rules");
	}

	@Test
	void aTwelveCharacterPasswordFromBeforeTheFifteenCharacterMinimumStillLogsInAndIsToldToChangeItOrAddASecondFactor() {
		var email = customerWithOldPassword(TWELVE_CHARACTERS, "en_US");
		var browser = new WebClient(port);

		var answer = browser.logIn(email, TWELVE_CHARACTERS);
		var profile = browser.follow(answer);

		assertThat(answer.location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/profile?password-outdated"));
		assertThat(profile.body()).contains("Your password no longer meets our password rules.")
			.contains("a password needs at least 15 characters on its own, and 8 together with a second sign-in method")
			.contains("href=\"/customer/security\"")
			.contains("Add a second sign-in method")
			.contains("id=\"postpone\"");
		assertThat(new ApiClient(port).accessToken(email, TWELVE_CHARACTERS)).as("the API logs it in too").isNotBlank();
	}

	@Test
	void theNoticeAboutATooShortPasswordIsGermanForGermanCustomers() {
		var email = customerWithOldPassword(TWELVE_CHARACTERS, "de_DE");
		var browser = new WebClient(port);

		var profile = browser.follow(browser.logIn(email, TWELVE_CHARACTERS));

		assertThat(profile.body()).contains("Ihr Passwort entspricht nicht mehr unseren Passwortregeln.")
			.contains(
					"Ein Passwort braucht allein mindestens 15 Zeichen, zusammen mit einer zweiten Anmeldemethode mindestens 8.")
			.contains("Zweite Anmeldemethode hinzufügen");
	}

}
