package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.FactorMethod;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorStatus;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.SecondFactors;
import io.clientele.support.Accounts;
import io.clientele.support.AuthenticatorApp;
import io.clientele.support.SecondFactorAccounts;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * Attacks on the storefront's second step, performed over HTTP against the running
 * application: skipping the code step, guessing codes, sending junk, and protected
 * actions without a code from a session that holds only the password.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontSecondFactorAttacksIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	SecondFactors factors;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	CustomerDetails shopper() {
		return Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
	}

	/** The password step of a login with a second factor: it leads to the code page. */
	WebClient.Page passwordStep(WebClient browser, CustomerDetails customer) {
		var answer = browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		assertThat(answer.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/login/code"));
		return browser.follow(answer);
	}

	/** Sends a code at the code step and returns the page it leads to. */
	WebClient.Page code(WebClient browser, String code) {
		var answer = browser.post("/login/code", Map.of("code", code));
		assertThat(answer.status()).isEqualTo(302);
		return answer.location().orElseThrow().endsWith("/login/code") ? browser.follow(answer) : answer;
	}

	static boolean signedIn(WebClient browser) {
		return browser.get("/customer/overview").status() == 200;
	}

	@Test
	void skippingTheCodeStepAfterThePasswordReachesNothingOfTheAccount() {
		var customer = shopper();
		SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);

		var codePage = passwordStep(browser, customer);

		assertThat(codePage.body()).contains("Confirm that it is you")
			.contains("autocomplete=\"one-time-code\"")
			.contains("inputmode=\"numeric\"");
		for (var path : new String[] { "/customer/overview", "/customer/profile", "/customer/security",
				"/customer/export", "/customer/delete" }) {
			var page = browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		}
		var forged = browser.post("/customer/profile/password", Map.of("currentPassword", Shoppers.PASSWORD,
				"newPassword", "violet-lantern-orchard-3", "newPasswordConfirmation", "violet-lantern-orchard-3"));
		assertThat(forged.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(new WebClient(port).logIn(customer.email().value(), Shoppers.PASSWORD).location())
			.as("the password is unchanged")
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login/code"));
	}

	@Test
	void theCodePageAndItsFormNeedAPasswordFirst() {
		var browser = new WebClient(port);

		assertThat(browser.get("/login/code").location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		browser.get("/login");
		var guessed = browser.post("/login/code", Map.of("code", "123456"));

		assertThat(guessed.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/login?expired"));
		assertThat(browser.follow(guessed).body()).contains("That took too long");
		assertThat(signedIn(browser)).isFalse();
	}

	@Test
	void aCodeWithoutTheCsrfTokenIsRefused() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		passwordStep(browser, customer);

		var forged = browser.postWithoutCsrfToken("/login/code", Map.of("code", app.nextCode()));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(signedIn(browser)).isFalse();
	}

	@Test
	void theRightAppCodeAfterThePasswordSignsInWithANewSessionId() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		passwordStep(browser, customer);
		var beforeCode = browser.cookie("SESSION").orElseThrow();

		var answer = browser.post("/login/code", Map.of("code", app.nextCode()));

		assertThat(answer.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/customer/overview"));
		assertThat(browser.cookie("SESSION")).isPresent().get().isNotEqualTo(beforeCode);
		assertThat(browser.cookie("clientele_device")).as("the device cookie of a successful login").isPresent();
		assertThat(signedIn(browser)).isTrue();
	}

	@Test
	void threeWrongCodesResetTheFlowAndTheCodeMailedBeforeNoLongerWorks() {
		var customer = shopper();
		var email = customer.email().value();
		SecondFactorAccounts.withEmailCodes(factors, jdbc, customer);
		var browser = new WebClient(port);
		var mailedBefore = SecondFactorAccounts.codeMails(email);
		var codePage = passwordStep(browser, customer);
		var mailed = SecondFactorAccounts.mailedCode(email, mailedBefore + 1);
		var wrong = mailed.equals("000000") ? "111111" : "000000";
		assertThat(codePage.body()).as("mail is the only method: the code went out with the password")
			.contains("We have sent a 6-digit code to your email address");

		var first = code(browser, wrong);
		var second = code(browser, wrong);
		var third = code(browser, wrong);
		var mailedCodeAfterTheReset = code(browser, mailed);

		assertThat(first.body()).contains("2 tries left");
		assertThat(second.body()).contains("1 try left");
		assertThat(third.body()).contains("Too many wrong codes: every code sent so far no longer works.");
		assertThat(mailedCodeAfterTheReset.body()).contains("This code is not right").contains("2 tries left");
		assertThat(signedIn(browser)).isFalse();
	}

	@Test
	void aMalformedCodeIsExplainedAndNotCountedAsAWrongOne() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		passwordStep(browser, customer);

		var malformed = code(browser, "12ab!");
		var wrong = code(browser, app.wrongCode());
		var right = browser.post("/login/code", Map.of("code", app.nextCode()));

		assertThat(malformed.body()).contains("This is not a code")
			.contains("It was not counted as a wrong try")
			.doesNotContain("tries left");
		assertThat(wrong.body()).as("the first wrong code").contains("2 tries left");
		assertThat(right.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void guessingOnAfterThreeResetsLocksTheCodeStepAndThePageSaysHowLong() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		passwordStep(browser, customer);
		WebClient.Page last = null;
		for (var i = 0; i < 9; i++) {
			last = code(browser, app.wrongCode());
		}

		var right = code(browser, app.nextCode());

		assertThat(last.body()).contains("Too many wrong codes. Please wait 15 minutes before you try again.");
		assertThat(right.body()).as("even the right code").contains("Please wait 15 minutes");
		assertThat(signedIn(browser)).isFalse();
	}

	@Test
	void newRecoveryCodesNeedACodeOutsideTheGracePeriod() {
		var customer = shopper();
		var browser = new WebClient(port);
		browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		var app = SecondFactorAccounts.withApp(factors, customer);
		var security = browser.get("/customer/security");

		var withoutCode = browser.post("/customer/security/recovery-codes", Map.of());
		var withCode = browser.post("/customer/security/recovery-codes", Map.of("secondFactorCode", app.nextCode()));

		assertThat(security.body()).contains("10 unused recovery codes left.").contains("id=\"renewCode\"");
		assertThat(withoutCode.body()).contains("Please confirm this with a code of your second sign-in step.")
			.doesNotContain("class=\"recovery-code\"");
		assertThat(withCode.status()).isEqualTo(200);
		assertThat(withCode.body()).contains("Here are your new recovery codes. The old ones no longer work.")
			.contains("download=\"recovery-codes.txt\"");
		assertThat(withCode.body().split("class=\"recovery-code\"", -1)).hasSize(11);
		assertThat(withCode.header("Cache-Control")).hasValueSatisfying((c) -> assertThat(c).contains("no-store"));
	}

	@Test
	void aCodeAtLoginSparesTheSessionNewCodesDuringTheGracePeriod() {
		var customer = shopper();
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		passwordStep(browser, customer);
		code(browser, app.nextCode());

		var profile = browser.get("/customer/profile");
		var requested = browser.post("/customer/profile/email",
				Map.of("email", Shoppers.uniqueEmail(), "currentPassword", Shoppers.PASSWORD));

		assertThat(profile.body()).doesNotContain("name=\"secondFactorCode\"");
		assertThat(requested.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/customer/profile"));
	}

	@Test
	void deletingTheAccountWithoutACodeIsRefusedAndDeletesNothing() {
		var customer = shopper();
		var browser = new WebClient(port);
		browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		// turned on in another session: this one never proved the second factor
		var app = SecondFactorAccounts.withApp(factors, customer);

		var form = browser.get("/customer/delete");
		var withoutCode = browser.post("/customer/delete", Map.of("currentPassword", Shoppers.PASSWORD));
		var wrongCode = browser.post("/customer/delete",
				Map.of("currentPassword", Shoppers.PASSWORD, "secondFactorCode", app.wrongCode()));

		assertThat(form.body()).contains("id=\"deleteSecondFactorCode\"").contains("name=\"secondFactorCode\"");
		assertThat(withoutCode.status()).isEqualTo(200);
		assertThat(withoutCode.body()).contains("Please confirm this with a code of your second sign-in step.");
		assertThat(wrongCode.body()).contains("2 tries left");
		assertThat(customers.find(customer.id()).orElseThrow().anonymized()).as("nothing deleted").isFalse();
		assertThat(signedIn(browser)).isTrue();

		var withCode = browser.post("/customer/delete",
				Map.of("currentPassword", Shoppers.PASSWORD, "secondFactorCode", app.nextCode()));

		assertThat(withCode.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/?account-deleted"));
		assertThat(customers.find(customer.id()).orElseThrow().anonymized()).isTrue();
	}

	@Test
	void anEmailChangeWithoutACodeIsRefused() {
		var customer = shopper();
		var browser = new WebClient(port);
		browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		SecondFactorAccounts.withApp(factors, customer);
		browser.get("/customer/profile");

		var refused = browser.post("/customer/profile/email",
				Map.of("email", Shoppers.uniqueEmail(), "currentPassword", Shoppers.PASSWORD));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"emailSecondFactorCode\"")
			.contains("Please confirm this with a code of your second sign-in step.");
	}

	@Test
	void addingASecondMethodNeedsACodeOfTheFirst() {
		var customer = shopper();
		var browser = new WebClient(port);
		browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		var app = SecondFactorAccounts.withApp(factors, customer);
		var owner = FactorOwner.customer(customer);
		browser.get("/customer/security");

		var withoutCode = browser.post("/customer/security/email/activate", Map.of());
		var emailWithoutCode = status(owner, FactorType.EMAIL);
		var withCode = browser.post("/customer/security/email/activate", Map.of("secondFactorCode", app.nextCode()));

		assertThat(withoutCode.body()).contains("id=\"emailActivateCode\"")
			.contains("Please confirm this with a code of your second sign-in step.");
		assertThat(emailWithoutCode).isEqualTo(FactorStatus.DISABLED);
		assertThat(withCode.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/customer/security"));
		assertThat(browser.follow(withCode).body()).contains("We have sent a code to your email address");
		assertThat(status(owner, FactorType.EMAIL)).isEqualTo(FactorStatus.ACTIVATING);
	}

	@Test
	void turningTheAppOffNeedsACodeOutsideTheGracePeriod() {
		var customer = shopper();
		var browser = new WebClient(port);
		browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		AuthenticatorApp app = SecondFactorAccounts.withApp(factors, customer);
		var owner = FactorOwner.customer(customer);
		browser.get("/customer/security");

		var withoutCode = browser.post("/customer/security/totp/deactivate", Map.of());
		var stillOn = status(owner, FactorType.TOTP);
		var withCode = browser.post("/customer/security/totp/deactivate", Map.of("secondFactorCode", app.nextCode()));

		assertThat(withoutCode.body()).contains("Please confirm this with a code of your second sign-in step.");
		assertThat(stillOn).isEqualTo(FactorStatus.ENABLED);
		assertThat(browser.follow(withCode).body()).contains("The authenticator app is off.");
		assertThat(status(owner, FactorType.TOTP)).isEqualTo(FactorStatus.DISABLED);
	}

	@Test
	void theCodePageSpeaksGerman() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail(), "de_DE");
		SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port).acceptLanguage("de-DE,de;q=0.9");

		var codePage = passwordStep(browser, customer);
		var malformed = code(browser, "abc");

		assertThat(codePage.body()).contains("Bestätigen Sie, dass Sie es sind").contains("Wiederherstellungscode");
		assertThat(malformed.body()).contains("Das ist kein Code");
	}

	FactorStatus status(FactorOwner owner, FactorType type) {
		return factors.methods(owner)
			.stream()
			.filter((method) -> method.type() == type)
			.map(FactorMethod::status)
			.findFirst()
			.orElseThrow();
	}

}
