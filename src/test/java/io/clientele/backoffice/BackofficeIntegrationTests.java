package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.customer.RegisterCustomer;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The back office over real HTTP: staff login, the customer list and page, the e-mail
 * queue.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeIntegrationTests {

	// the bootstrap admin of the test configuration
	// (TestDatabaseContextCustomizerFactory)
	static final String ADMIN = "admin@clientele.local";

	static final String ADMIN_PASSWORD = "Harbour-Kettle-Test-41";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	StaffAccounts staffAccounts;

	// an admin of its own, with the authenticator app admins must have
	WebClient staff() {
		return BackofficeLogins.signedInAdmin(port, staffAccounts);
	}

	@Test
	void staffLogInAndFindCustomersByPartOfANameAnAddressOrAReference() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var browser = staff();

		var byAddress = browser.get("/backoffice/customers?q=" + email.substring(0, 15).toUpperCase());
		var byReference = browser.get("/backoffice/customers?q=" + customer.reference().value());
		var page = browser.get("/backoffice/customers/" + customer.reference().value());

		assertThat(byAddress.status()).isEqualTo(200);
		assertThat(byAddress.body()).contains(email).contains("1 customer<");
		assertThat(byReference.body()).contains(email);
		assertThat(page.body()).contains(customer.reference().value()).contains("Ann").contains(email);
		assertThat(browser.get("/backoffice/customers/DE--999999999").status()).isEqualTo(404);
	}

	@Test
	void aWrongPasswordAndAnUnknownAddressFailAlike() {
		var wrong = new WebClient(port);
		wrong.get("/backoffice/login");
		var unknown = new WebClient(port);
		unknown.get("/backoffice/login");

		var wrongAnswer = wrong.post("/backoffice/login", Map.of("email", ADMIN, "password", "not-the-password-1"));
		var unknownAnswer = unknown.post("/backoffice/login",
				Map.of("email", "nobody@clientele.local", "password", ADMIN_PASSWORD));

		assertThat(wrongAnswer.location()).isEqualTo(unknownAnswer.location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login?error"));
	}

	@Test
	void aCustomerSessionCannotReachTheBackOfficeAndStaffAreNoCustomers() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var customer = new WebClient(port);
		customer.logIn(email, Shoppers.PASSWORD);

		var attempt = customer.get("/backoffice/customers");

		assertThat(attempt.status()).isEqualTo(302);
		assertThat(attempt.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login"));
		assertThat(staff().get("/customer/overview").status()).isEqualTo(302);
	}

	@Test
	void loggingOutOfTheBackOfficeLeavesTheCustomerLoginOfTheSameBrowser() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var browser = staff();
		browser.logIn(email, Shoppers.PASSWORD);
		browser.get("/backoffice/customers");

		browser.post("/backoffice/logout", Map.of());

		assertThat(browser.get("/backoffice/customers").status()).isEqualTo(302);
		assertThat(browser.get("/customer/overview").status()).isEqualTo(200);
	}

	@Test
	void namesWithMarkupAreShownEscaped() {
		var email = Shoppers.uniqueEmail();
		var data = new RegisterCustomer("Mr", "Bob \"quoted\" & co", "O'Hara", email, null, null, null,
				"<script>alert(1)</script>", "en_US", true);
		var customer = ((io.clientele.credentials.SignUpOutcome.Registered) signUp.register(data, Shoppers.PASSWORD))
			.customer();
		var browser = staff();

		var list = browser.get("/backoffice/customers?q=" + email);
		var page = browser.get("/backoffice/customers/" + customer.reference().value());

		assertThat(list.body()).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("Bob &quot;quoted&quot; &amp; co");
		assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("O&#39;Hara");
	}

	@Test
	void theEmailQueueShowsEveryMailWithItsMessageButNeverItsLink() {
		var email = Shoppers.uniqueEmail();
		var registration = new WebClient(port);
		var browser = staff();
		WebClient.Page queue;
		WebClient.Page mail;
		WebClient.Page html;
		io.clientele.support.TestMailServer.stop();
		try {
			registration.get("/register");
			registration.post("/register", Shoppers.registrationForm(email));

			queue = browser.get("/backoffice/mails");
			var row = queue.body().substring(queue.body().indexOf(email));
			var id = row.split("/backoffice/mails/")[1].substring(0, 36);
			mail = browser.get("/backoffice/mails/" + id);
			html = browser.get("/backoffice/mails/" + id + "/html");
		}
		finally {
			io.clientele.support.TestMailServer.start();
		}

		assertThat(queue.body()).contains(email).contains("Please confirm your email address");
		assertThat(mail.body()).contains("[link hidden: only the customer can use it]")
			.doesNotContain("/register/confirm?token=");
		assertThat(html.body()).contains("[link hidden: only the customer can use it]").doesNotContain("token=");
		assertThat(html.header("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("sandbox"));
	}

	@Test
	void tenFailedStaffLoginsBlockWith429() {
		var address = "locked-" + Shoppers.uniqueEmail();
		for (int i = 0; i < 9; i++) {
			var browser = new WebClient(port);
			browser.get("/backoffice/login");
			browser.post("/backoffice/login", Map.of("email", address, "password", "not-the-password-1"));
		}
		var browser = new WebClient(port);
		browser.get("/backoffice/login");

		var tenth = browser.post("/backoffice/login", Map.of("email", address, "password", "not-the-password-1"));

		assertThat(tenth.status()).isEqualTo(429);
		assertThat(tenth.body()).contains("Please try again in 5 minutes");
	}

	@Test
	void aMailFromTheQueueCanBeSentAgainAndDeleted() {
		var email = Shoppers.uniqueEmail();
		var registration = new WebClient(port);
		registration.get("/register");
		registration.post("/register", Shoppers.registrationForm(email));
		io.clientele.support.TestMailServer.mailsTo(email, 1);
		var browser = staff();
		var queue = browser.get("/backoffice/mails");
		var row = queue.body().substring(queue.body().indexOf(email));
		var id = row.split("/backoffice/mails/")[1].substring(0, 36);

		browser.get("/backoffice/mails/" + id);
		var resent = browser.post("/backoffice/mails/" + id + "/resend", Map.of());
		assertThat(browser.follow(resent).body()).contains("A new mail with a new link is on its way");
		assertThat(io.clientele.support.TestMailServer.mailsTo(email, 2)).hasSize(2);
		browser.get("/backoffice/mails/" + id);
		var deleted = browser.post("/backoffice/mails/" + id + "/delete", Map.of());

		assertThat(browser.follow(deleted).body()).contains("The mail was deleted from the queue.");
		assertThat(browser.get("/backoffice/mails/" + id).status()).isEqualTo(404);
	}

	@Test
	void aStaffLoginShortensEvenARememberedSessionToThirtyIdleMinutes() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var browser = new WebClient(port);
		browser.get("/login");
		browser.post("/login", Map.of("email", email, "password", Shoppers.PASSWORD, "remember-me", "true"));
		assertThat(idleSecondsOf(browser)).isEqualTo(30 * 24 * 60 * 60);

		browser.get("/backoffice/login");
		browser.post("/backoffice/login", Map.of("email", ADMIN, "password", ADMIN_PASSWORD));

		assertThat(idleSecondsOf(browser)).isEqualTo(30 * 60);
	}

	private int idleSecondsOf(WebClient browser) {
		var sessionId = browser.cookie("SESSION")
			.map(value -> new String(java.util.Base64.getDecoder().decode(value)))
			.orElseThrow();
		return jdbc.sql("select max_inactive_interval from authentication_session where session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

}
