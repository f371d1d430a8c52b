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
import io.clientele.customer.CustomerDetails;
import io.clientele.multifactor.SecondFactors;
import io.clientele.support.Accounts;
import io.clientele.support.SecondFactorAccounts;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * A login with a second factor ends as a login without one: where the shopper was going,
 * "remember me" from the password form, the notice about an outdated password; and the
 * code step sends a mailed code on request when the app is on too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontSecondFactorLoginIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	SecondFactors factors;

	@Autowired
	JdbcClient jdbc;

	CustomerDetails shopper() {
		return Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
	}

	@Test
	void theCodeStepLeadsWhereTheShopperWasGoing() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		browser.get("/customer/order");

		browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		browser.get("/login/code");
		var answer = browser.post("/login/code", Map.of("code", app.nextCode()));

		assertThat(answer.location()).hasValueSatisfying((l) -> assertThat(l).contains("/customer/order"));
		assertThat(browser.get("/customer/order").status()).isEqualTo(200);
	}

	@Test
	void rememberMeTickedWithThePasswordKeepsTheLoginAfterTheCode() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		browser.get("/login");
		browser.post("/login",
				Map.of("email", customer.email().value(), "password", Shoppers.PASSWORD, "remember-me", "true"));
		browser.get("/login/code");

		var answer = browser.post("/login/code", Map.of("code", app.nextCode()));

		assertThat(answer.headerValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=").contains("Max-Age="));
		assertThat(jdbc.sql("select max_inactive_interval from authentication_session where principal_name = ?")
			.param(customer.id().value().toString())
			.query(Integer.class)
			.list()).containsExactly(30 * 24 * 60 * 60);
	}

	@Test
	void anOutdatedPasswordLeadsToTheProfileAfterTheCode() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		// as if set years ago under a weaker policy: common, so outdated with a second
		// factor too
		var hash = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id).hash(2, 19456, 1, "sunshine".toCharArray());
		jdbc.sql("update credentials_password set hash = ? where owner_id = ?")
			.params(hash, customer.id().value())
			.update();
		var browser = new WebClient(port);

		browser.logIn(customer.email().value(), "sunshine");
		browser.get("/login/code");
		var answer = browser.post("/login/code", Map.of("code", app.nextCode()));

		assertThat(answer.location())
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/customer/profile?password-outdated"));
		assertThat(browser.follow(answer).body()).contains("Your password no longer meets our password rules.")
			.contains("id=\"change-outdated-password\"")
			.contains("href=\"/customer/security\"");
	}

	@Test
	void withTheAppOnTooTheCodeStepMailsACodeOnRequest() {
		var customer = shopper();
		var email = customer.email().value();
		var app = SecondFactorAccounts.withApp(factors, customer);
		SecondFactorAccounts.withEmailCodes(factors, jdbc, customer, app);
		var mailed = SecondFactorAccounts.codeMails(email);
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);

		var codePage = browser.get("/login/code");
		var sent = browser.follow(browser.post("/login/code/send", Map.of()));
		var tooSoon = browser.follow(browser.post("/login/code/send", Map.of()));
		var code = SecondFactorAccounts.mailedCode(email, mailed + 1);
		var answer = browser.post("/login/code", Map.of("code", code));

		assertThat(codePage.body()).contains("Enter the 6-digit code your authenticator app shows")
			.contains("Send me a code by email instead");
		assertThat(sent.body()).contains("We have sent a code to your email address. It is valid for 30 minutes.");
		assertThat(tooSoon.body()).contains("A code was sent only moments ago");
		assertThat(SecondFactorAccounts.codeMails(email)).as("not one more").isEqualTo(mailed + 1);
		assertThat(answer.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/customer/overview"));
	}

}
