package io.clientele.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.audit.AuditActor;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.SecondFactors;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.SecondFactorAccounts;
import io.clientele.support.Shoppers;
import io.clientele.support.SoftAuthenticator;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

import tools.jackson.databind.JsonNode;

/**
 * Attacks on passkeys, made over HTTP against the running application with a test-side
 * authenticator that signs whatever the attacker asks: each is refused with a message on
 * the page and changes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PasskeyAttacksIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	Passkeys passkeys;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecondFactors factors;

	@Autowired
	StaffAccounts staff;

	String email;

	CustomerId customer;

	SoftAuthenticator authenticator;

	@BeforeEach
	void customerWithAPasskey() {
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email).id();
		authenticator = new SoftAuthenticator();
		var account = new WebClient(port);
		account.logIn(email, Shoppers.PASSWORD);
		var added = authenticator.addTo(account, origin());
		assertThat(added.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/customer/passkeys"));
		assertThat(account.follow(added).body()).contains("Your passkey was added.");
		assertThat(passkeys.list(customer)).extracting(PasskeySummary::name).containsExactly("Passkey 1");
	}

	@Test
	void signingInWithThePasskeyOpensTheAccountInANewSessionOnTheRecord() {
		var browser = new WebClient(port);
		var options = signInOptions(browser);
		var before = browser.cookie("SESSION").orElseThrow();

		var answer = browser.post("/login/passkey", Map.of("response", authenticator.signIn(options, origin())));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
		assertThat(browser.cookie("SESSION")).as("a new session id after the login").isNotEqualTo(before);
		assertThat(browser.get("/customer/overview").status()).isEqualTo(200);
		assertThat(auditDetails("LOGIN_SUCCEEDED")).containsExactly("passkey");
		assertThat(passkeys.list(customer).getFirst().lastUsedAt()).isNotNull();
	}

	@Test
	void aPasskeyCountsAsBothFactorsSoTheCodeStepIsSkippedAndTheGracePeriodOpens() {
		SecondFactorAccounts.withApp(factors, customers.find(customer).orElseThrow());
		var browser = new WebClient(port);

		var answer = browser.post("/login/passkey",
				Map.of("response", authenticator.signIn(signInOptions(browser), origin())));

		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
		var form = browser.get("/customer/profile");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).as("no code asked within the grace period")
			.doesNotContain("id=\"passwordSecondFactorCode\"");
		var changed = browser.post("/customer/profile/password", Map.of("currentPassword", Shoppers.PASSWORD,
				"newPassword", "a passkey is two factors", "newPasswordConfirmation", "a passkey is two factors"));
		assertThat(changed.location()).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
		assertThat(browser.follow(changed).body()).contains("Your password was changed.");
	}

	@Test
	void thePasswordAloneOfAnAccountWithAPasskeyAndAnAppStillNeedsTheCode() {
		SecondFactorAccounts.withApp(factors, customers.find(customer).orElseThrow());
		var browser = new WebClient(port);

		var afterPassword = browser.logIn(email, Shoppers.PASSWORD);

		assertThat(afterPassword.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login/code"));
		assertThat(browser.get("/customer/overview").status()).isEqualTo(302);
	}

	@Test
	void aPasskeyNamedWithMarkupIsShownAsTextToStaff() {
		var id = passkeys.list(customer).getFirst().id();
		assertThat(passkeys.rename(customer, id, "<img src=x onerror=alert(1)>")).isEmpty();
		var support = new WebClient(port);
		BackofficeLogins.signIn(support,
				BackofficeLogins.newMember(staff, StaffRole.SUPPORT, "Sam Support").email().value(),
				BackofficeLogins.PASSWORD);

		var details = support.get("/backoffice/customers/" + customers.find(customer).orElseThrow().reference().value()
				+ "/login-details");

		assertThat(details.status()).isEqualTo(200);
		assertThat(details.body()).contains("&lt;img src=x onerror=alert(1)&gt; (added ")
			.contains("last used never)")
			.doesNotContain("<img src=x");
	}

	@Test
	void anAssertionAnsweringTheChallengeOfAnotherSessionIsRefused() {
		var attacker = new WebClient(port);
		var attackersChallenge = signInOptions(attacker);
		var victim = new WebClient(port);
		signInOptions(victim);

		var answer = victim.post("/login/passkey",
				Map.of("response", authenticator.signIn(attackersChallenge, origin())));

		assertRefused(victim, answer, PasskeyProblem.NOT_VERIFIED);
		assertThat(auditDetails("LOGIN_FAILED")).containsExactly("passkey: BadChallengeException");
	}

	@Test
	void aReplayedAssertionIsRefusedTheSecondTime() {
		var browser = new WebClient(port);
		var signed = authenticator.signIn(signInOptions(browser), origin());
		assertThat(browser.post("/login/passkey", Map.of("response", signed)).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));

		var noChallenge = new WebClient(port);
		noChallenge.get("/login");
		var withoutChallenge = noChallenge.post("/login/passkey", Map.of("response", signed));
		var elsewhere = new WebClient(port);
		signInOptions(elsewhere);
		var withAnotherChallenge = elsewhere.post("/login/passkey", Map.of("response", signed));

		assertRefused(noChallenge, withoutChallenge, PasskeyProblem.EXPIRED);
		assertRefused(elsewhere, withAnotherChallenge, PasskeyProblem.NOT_VERIFIED);
	}

	@Test
	void theSameAnswerPostedFiveTimesAtOnceSignsInOnce() throws Exception {
		var browser = new WebClient(port);
		var signed = authenticator.signIn(signInOptions(browser), origin());

		var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
		java.util.List<WebClient.Page> answers;
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			var posts = new java.util.ArrayList<java.util.concurrent.Future<WebClient.Page>>();
			for (var i = 0; i < 5; i++) {
				posts.add(pool.submit(() -> {
					start.await();
					return browser.post("/login/passkey", Map.of("response", signed));
				}));
			}
			start.countDown();
			answers = new java.util.ArrayList<>();
			for (var post : posts) {
				answers.add(post.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(answers).filteredOn(page -> page.location().orElse("").endsWith("/customer/overview")).hasSize(1);
		assertThat(auditDetails("LOGIN_SUCCEEDED")).containsExactly("passkey");
	}

	@Test
	void anAssertionWhoseCounterDidNotGrowIsRefused() {
		var first = new WebClient(port);
		first.post("/login/passkey", Map.of("response", authenticator.signIn(signInOptions(first), origin())));
		var cloned = new WebClient(port);
		var options = signInOptions(cloned);

		// a copy of the key answering a fresh challenge with the counter already used
		var answer = cloned.post("/login/passkey", Map.of("response", authenticator
			.signWithCounter(options.get("challenge").asString(), options.get("rpId").asString(), origin())));

		assertRefused(cloned, answer, PasskeyProblem.NOT_VERIFIED);
		assertThat(auditDetails("LOGIN_FAILED")).containsExactly("passkey: MaliciousCounterValueException");
	}

	@Test
	void anAnswerFromAnotherOriginIsRefused() {
		var phished = new WebClient(port);
		var options = signInOptions(phished);

		var answer = phished.post("/login/passkey",
				Map.of("response", authenticator.signIn(options, "https://clientele-login.example")));

		assertRefused(phished, answer, PasskeyProblem.NOT_VERIFIED);
		assertThat(auditDetails("LOGIN_FAILED")).containsExactly("passkey: BadOriginException");
	}

	@Test
	void aPasskeyMadeOnAnotherOriginIsNotAdded() {
		var account = new WebClient(port);
		account.logIn(email, Shoppers.PASSWORD);

		var added = new SoftAuthenticator().addTo(account, "https://clientele-login.example");

		assertThat(account.follow(added).body()).contains("The passkey could not be verified. Please try again.");
		assertThat(passkeys.list(customer)).hasSize(1);
	}

	@Test
	void anAssertionOfAnotherHostIsRefused() {
		var browser = new WebClient(port);
		var options = signInOptions(browser);

		// the page's address as the test client sees it: not the shop's public host
		var answer = browser.post("/login/passkey",
				Map.of("response", authenticator.signIn(options, "http://127.0.0.1:" + port)));

		assertRefused(browser, answer, PasskeyProblem.NOT_VERIFIED);
	}

	@Test
	void removingAnotherCustomersPasskeyChangesNothing() {
		var victimsPasskey = passkeys.list(customer).getFirst().id();
		var attacker = new WebClient(port);
		var attackerEmail = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, attackerEmail);
		attacker.logIn(attackerEmail, Shoppers.PASSWORD);
		attacker.get("/customer/passkeys");

		var removal = attacker.post("/customer/passkeys/" + victimsPasskey + "/remove", Map.of());
		var removalPage = attacker.follow(removal);
		var renaming = attacker.post("/customer/passkeys/" + victimsPasskey + "/rename", Map.of("name", "mine now"));
		attacker.follow(renaming);
		var unknown = attacker.follow(attacker.post("/customer/passkeys/" + UUID.randomUUID() + "/remove", Map.of()));

		assertThat(removalPage.body()).contains("That passkey was not found.");
		assertThat(removalPage.bodyWithoutCsrfToken()).as("answered exactly as an id that does not exist")
			.isEqualTo(unknown.bodyWithoutCsrfToken());
		assertThat(passkeys.list(customer)).extracting(PasskeySummary::name).containsExactly("Passkey 1");
		assertThat(auditDetails("PASSKEY_REMOVED")).isEmpty();
		assertThat(TestMailServer.mailsTo(email)).noneMatch(m -> subject(m).contains("removed"));
	}

	@Test
	void aMalformedAnswerGetsAClearErrorNotAServerError() {
		for (var garbage : new String[] { "", "not json", "{}", "[1,2]", "{\"id\":5,\"response\":\"x\"}",
				"{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%%%\"}}" }) {
			var browser = new WebClient(port);
			signInOptions(browser);

			var answer = browser.post("/login/passkey", Map.of("response", garbage));

			assertRefused(browser, answer, PasskeyProblem.MALFORMED);
		}
		var account = new WebClient(port);
		account.logIn(email, Shoppers.PASSWORD);
		account.get("/customer/passkeys");
		account.post("/customer/passkeys/options", Map.of());
		var added = account.post("/customer/passkeys", Map.of("response", "{\"garbage\":true}", "name", "x"));
		var page = account.follow(added);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("The answer of your browser could not be read. Please try again.");
		assertThat(passkeys.list(customer)).hasSize(1);
	}

	@Test
	void aPasskeyNobodyHasIsRefusedAsUnknown() {
		var browser = new WebClient(port);
		var options = signInOptions(browser);

		var answer = browser.post("/login/passkey",
				Map.of("response", new SoftAuthenticator().signIn(options, origin())));

		assertRefused(browser, answer, PasskeyProblem.UNKNOWN_PASSKEY);
	}

	@Test
	void anExpiredChallengeIsRefused() {
		var browser = new WebClient(port);
		var options = signInOptions(browser);
		jdbc.sql("update passkeys_challenge set expires_at = now() - interval '1 second' where challenge_hash = ?")
			.param(io.clientele.shared.Sha256.hex("passkey-challenge:" + options.get("challenge").asString()))
			.update();

		var answer = browser.post("/login/passkey", Map.of("response", authenticator.signIn(options, origin())));

		assertRefused(browser, answer, PasskeyProblem.EXPIRED);
	}

	@Test
	void aBlockedAccountCannotSignInWithItsPasskeyAsWithItsPassword() {
		customers.block(customer, true, AuditActor.console());
		var browser = new WebClient(port);
		var options = signInOptions(browser);

		var answer = browser.post("/login/passkey", Map.of("response", authenticator.signIn(options, origin())));

		assertRefused(browser, answer, PasskeyProblem.ACCOUNT_REFUSED);
		assertThat(auditDetails("LOGIN_FAILED")).containsExactly("passkey: blocked");
	}

	@Test
	void aClosedAccountKeepsNoPasskey() {
		customers.anonymize(customer);

		var browser = new WebClient(port);
		var options = signInOptions(browser);
		var answer = browser.post("/login/passkey", Map.of("response", authenticator.signIn(options, origin())));

		assertThat(passkeys.list(customer)).isEmpty();
		assertThat(jdbc.sql("select count(*) from passkeys_account where customer_id = ?")
			.param(customer.value())
			.query(Long.class)
			.single()).isZero();
		assertRefused(browser, answer, PasskeyProblem.UNKNOWN_PASSKEY);
	}

	@Test
	void problemsAreShownInGermanToo() {
		var browser = new WebClient(port).acceptLanguage("de-DE,de;q=0.9");
		var options = signInOptions(browser);

		var answer = browser.post("/login/passkey",
				Map.of("response", authenticator.signIn(options, "https://clientele-login.example")));

		assertThat(browser.follow(answer).body())
			.contains("Der Passkey konnte nicht bestätigt werden. Bitte versuchen Sie es noch einmal.");
	}

	@Test
	void addingAndRemovingAPasskeyAreMailedAndOnTheRecord() {
		var account = new WebClient(port);
		account.logIn(email, Shoppers.PASSWORD);
		var second = new SoftAuthenticator();
		account.follow(second.addTo(account, origin()));
		var added = passkeys.list(customer);
		assertThat(added).extracting(PasskeySummary::name).containsExactly("Passkey 1", "Passkey 2");

		account.get("/customer/passkeys");
		account.follow(account.post("/customer/passkeys/" + added.get(1).id() + "/rename", Map.of("name", "Phone")));
		var blank = account
			.follow(account.post("/customer/passkeys/" + added.get(1).id() + "/rename", Map.of("name", " ")));
		var removed = account.follow(account.post("/customer/passkeys/" + added.get(0).id() + "/remove", Map.of()));

		assertThat(blank.body()).contains("Please give the passkey a name of at most 60 characters.");
		assertThat(removed.body()).contains("The passkey was removed.");
		assertThat(passkeys.list(customer)).extracting(PasskeySummary::name).containsExactly("Phone");
		assertThat(auditDetails("PASSKEY_ADDED")).hasSize(2);
		assertThat(auditDetails("PASSKEY_REMOVED")).hasSize(1);
		assertThat(TestMailServer.mailTo(email, "A sign-in method was added to your account")).isNotNull();
		assertThat(TestMailServer.mailTo(email, "A sign-in method was removed from your account")).isNotNull();
	}

	@Test
	void anAccountHoldsNoMoreThanTenPasskeys() {
		var account = new WebClient(port);
		account.logIn(email, Shoppers.PASSWORD);
		for (var i = 2; i <= 10; i++) {
			account.follow(new SoftAuthenticator().addTo(account, origin()));
		}
		var full = account.get("/customer/passkeys");

		var eleventh = account.follow(new SoftAuthenticator().addTo(account, origin()));

		assertThat(full.body()).contains("id=\"passkeys-full\"").doesNotContain("id=\"add-passkey\"");
		assertThat(eleventh.body()).contains("Your account has as many passkeys as allowed. Please remove one first.");
		assertThat(passkeys.list(customer)).hasSize(10);
	}

	private JsonNode signInOptions(WebClient browser) {
		browser.get("/login");
		var options = browser.post("/login/passkey/options", Map.of());
		assertThat(options.status()).isEqualTo(200);
		return SoftAuthenticator.options(options.body());
	}

	private void assertRefused(WebClient browser, WebClient.Page answer, PasskeyProblem problem) {
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?passkey-problem=" + problem));
		var page = browser.follow(answer);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"passkey-problem\"");
		assertThat(browser.get("/customer/overview").status()).as("not signed in").isEqualTo(302);
	}

	// the customer's entries of the type; of logins only those by passkey
	private java.util.List<String> auditDetails(String type) {
		return jdbc
			.sql("select coalesce(detail, '') from audit_entry where customer_id = ? and type = ?"
					+ " and (type not like 'LOGIN%' or detail like 'passkey%') order by id")
			.params(customer.value(), type)
			.query(String.class)
			.list();
	}

	private String origin() {
		return "http://localhost:" + port;
	}

	private static String subject(jakarta.mail.internet.MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
