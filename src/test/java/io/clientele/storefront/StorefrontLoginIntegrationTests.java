package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontLoginIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	String email;

	@Autowired
	SignUp signUp;

	@BeforeEach
	void registerShopper() {
		email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
	}

	@Test
	void customerLogsInWithAddressInAnyCaseAndSeesTheirOverview() {
		var browser = new WebClient(port);

		var answer = browser.logIn(email.toUpperCase(), Shoppers.PASSWORD);
		var overview = browser.follow(answer);

		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
		var reference = customers.findByEmail(EmailAddress.of(email)).orElseThrow().reference().value();
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).contains("Ann Lee").contains(email).contains(reference);
	}

	@Test
	void wrongPasswordAndUnknownEmailGiveTheSamePage() {
		var wrongPassword = new WebClient(port);
		var unknownEmail = new WebClient(port);

		var wrongAnswer = wrongPassword.logIn(email, "not-the-password-1");
		var unknownAnswer = unknownEmail.logIn(Shoppers.uniqueEmail(), Shoppers.PASSWORD);
		var wrongPage = wrongPassword.follow(wrongAnswer);
		var unknownPage = unknownEmail.follow(unknownAnswer);

		assertThat(unknownAnswer.status()).isEqualTo(wrongAnswer.status()).isEqualTo(302);
		assertThat(unknownAnswer.location()).isEqualTo(wrongAnswer.location());
		assertThat(unknownPage.status()).isEqualTo(wrongPage.status()).isEqualTo(200);
		assertThat(unknownPage.bodyWithoutCsrfToken()).isEqualTo(wrongPage.bodyWithoutCsrfToken())
			.contains("Please check that your email address and password are correct.");
	}

	@Test
	void unknownEmailCostsAsMuchTimeAsAWrongPassword() {
		var browser = new WebClient(port);
		browser.logIn(email, "warm-up-password-1");

		var wrongPassword = medianMillis(() -> browser.logIn(email, "not-the-password-1"));
		var unknownEmail = medianMillis(() -> browser.logIn(Shoppers.uniqueEmail(), "not-the-password-1"));

		// Without the decoy verification an unknown address answers in a fraction of the
		// time.
		assertThat(unknownEmail).isGreaterThan(wrongPassword * 0.6);
	}

	@Test
	void overviewNeedsALogin() {
		var answer = new WebClient(port).get("/customer/overview");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void loginIssuesANewSessionIdAgainstSessionFixation() {
		var browser = new WebClient(port);
		browser.get("/login");
		var before = browser.cookie("SESSION").orElseThrow();

		browser.post("/login", Map.of("email", email, "password", Shoppers.PASSWORD));

		assertThat(browser.cookie("SESSION")).isPresent().get().isNotEqualTo(before);
	}

	@Test
	void logoutEndsTheSession() {
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		browser.get("/customer/overview");

		var answer = browser.post("/logout", Map.of());

		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		assertThat(browser.follow(answer).body()).contains("You have been logged out.");
		assertThat(browser.get("/customer/overview").status()).isEqualTo(302);
	}

	@Test
	void logoutNeedsACsrfToken() {
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);

		var answer = browser.postWithoutCsrfToken("/logout", Map.of());

		assertThat(answer.status()).isEqualTo(403);
		assertThat(browser.get("/customer/overview").status()).isEqualTo(200);
	}

	@Test
	void rememberMeKeepsTheLoginForThirtyDaysInsteadOfThirtyIdleMinutes() {
		var customerId = customers.findByEmail(EmailAddress.of(email)).orElseThrow().id().value().toString();
		var browser = new WebClient(port);
		browser.get("/login");

		var remembered = browser.post("/login",
				Map.of("email", email, "password", Shoppers.PASSWORD, "remember-me", "true"));
		var plain = new WebClient(port).logIn(email, Shoppers.PASSWORD);

		assertThat(remembered.headerValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Max-Age="));
		assertThat(plain.headerValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("SESSION="))
			.allSatisfy(cookie -> assertThat(cookie).doesNotContain("Max-Age"));
		assertThat(jdbc.sql("select max_inactive_interval from authentication_session where principal_name = ?")
			.param(customerId)
			.query(Integer.class)
			.list()).containsExactlyInAnyOrder(30 * 24 * 60 * 60, 30 * 60);
	}

	@Test
	void pagesSpeakTheCustomersLanguageOnceLoggedIn() {
		var german = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, german, "de_DE");
		var browser = new WebClient(port).acceptLanguage("en-US");

		var overview = browser.follow(browser.logIn(german, Shoppers.PASSWORD));

		assertThat(overview.body()).contains("Mein Konto").contains("Kundennummer");
	}

	@Test
	void aLoggedInCustomerIsSentFromLoginAndRegistrationToTheOverview() {
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);

		assertThat(browser.get("/login").location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
		assertThat(browser.get("/register").location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void unknownPagesAnswerWithA404PageInTheShoppersLanguage() {
		var page = new WebClient(port).acceptLanguage("de-DE").get("/no-such-page");

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("Seite nicht gefunden").doesNotContain("Exception");
	}

	@Test
	void everyPageSendsSecurityHeaders() {
		var page = new WebClient(port).get("/login");

		assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(page.header("X-Frame-Options")).contains("DENY");
		assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
	}

	private static double medianMillis(Supplier<?> action) {
		var samples = new double[7];
		for (int i = 0; i < samples.length; i++) {
			var start = System.nanoTime();
			action.get();
			samples[i] = (System.nanoTime() - start) / 1_000_000.0;
		}
		Arrays.sort(samples);
		return samples[samples.length / 2];
	}

}
