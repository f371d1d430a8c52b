package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/**
 * Registration with double opt-in, over real HTTP with real mail: the link's page asks
 * for the account's password, and only its form confirms.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontDoubleOptInIntegrationTests {

	static final String ATTACKERS_PASSWORD = "mallory-owns-this-7-kettle";

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	// what a failure needs to be understood: each mail to the address as the outbox has
	// it
	private java.util.List<String> outboxOf(String email) {
		return jdbc
			.sql("select mail_type || ' ' || status || ' attempts=' || attempts || ' queued=' || created_at"
					+ " || ' sent=' || coalesce(sent_at::text, '-') || ' error=' || coalesce(last_error, '-')"
					+ " from notification_outbox where recipient = ? order by created_at")
			.param(email)
			.query(String.class)
			.list();
	}

	String register(String email) {
		return register(email, Shoppers.PASSWORD);
	}

	String register(String email, String password) {
		var browser = new WebClient(port);
		browser.get("/register");
		var form = Shoppers.registrationForm(email);
		form.put("password", password);
		form.put("passwordConfirmation", password);
		browser.post("/register", form);
		return TestMailServer.linkIn(TestMailServer.mailTo(email, "Please confirm your email address"));
	}

	/** Opens the link in a new browser and sends its form with the password. */
	WebClient.Page confirm(String link, String password) {
		var browser = new WebClient(port);
		browser.get(link);
		return browser.post("/register/confirm", Map.of("token", tokenOf(link), "password", password));
	}

	static String tokenOf(String link) {
		return link.substring(link.indexOf("token=") + 6);
	}

	boolean confirmed(String email) {
		return customers.findByEmail(EmailAddress.of(email)).orElseThrow().confirmed();
	}

	@Test
	void anUnconfirmedAccountCannotLogInAndGetsTheGenericMessageWithAResendLink() {
		var email = Shoppers.uniqueEmail();
		register(email);
		var browser = new WebClient(port);

		var answer = browser.logIn(email, Shoppers.PASSWORD);

		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(browser.follow(answer).body())
			.contains("Please check that your email address and password are correct.")
			.contains("/register/resend");
	}

	@Test
	void aMailScannerOpeningTheConfirmationLinkConfirmsNothing() {
		var email = Shoppers.uniqueEmail();
		var link = register(email);
		var scanner = new WebClient(port);

		var first = scanner.get(link);
		var second = scanner.get(link);
		var third = new WebClient(port).get(link);

		assertThat(first.status()).isEqualTo(second.status()).isEqualTo(third.status()).isEqualTo(200);
		assertThat(first.body()).contains("enter the password you chose when you registered");
		assertThat(first.header("Referrer-Policy")).contains("no-referrer");
		assertThat(confirmed(email)).isFalse();
		assertThat(TestMailServer.mailsTo(email)).noneMatch(m -> TestMailServer.subjectOf(m).contains("Welcome"));
		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(confirm(link, Shoppers.PASSWORD).location()).as("the link still works for its registrant")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void theVictimsClickCannotConfirmAnAccountAnAttackerRegisteredWithTheirAddress() {
		var victim = Shoppers.uniqueEmail();
		var link = register(victim, ATTACKERS_PASSWORD);
		var victimsBrowser = new WebClient(port);

		var page = victimsBrowser.get(link);
		var click = victimsBrowser.post("/register/confirm", Map.of("token", tokenOf(link), "password", ""));
		var ownPassword = victimsBrowser.post("/register/confirm",
				Map.of("token", tokenOf(link), "password", Shoppers.PASSWORD));

		assertThat(page.body()).contains("Did you not register?").contains("/password/forgotten");
		assertThat(click.status()).isEqualTo(ownPassword.status()).isEqualTo(200);
		assertThat(ownPassword.body()).contains("This is not the password of the account.");
		assertThat(confirmed(victim)).isFalse();
		assertThat(new WebClient(port).logIn(victim, ATTACKERS_PASSWORD).location())
			.as("the attacker cannot use the account")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

		// the victim takes the address over with "forgot password": the link goes to
		// their mailbox
		var reset = requestResetLink(victim);
		var restore = new WebClient(port);
		restore.get(reset);
		restore.post("/password/restore", Map.of("token", tokenOf(reset), "password", "victims-own-kettle-42",
				"passwordConfirmation", "victims-own-kettle-42"));

		assertThat(confirmed(victim)).isTrue();
		assertThat(new WebClient(port).logIn(victim, "victims-own-kettle-42").location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
		assertThat(new WebClient(port).logIn(victim, ATTACKERS_PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(confirm(link, ATTACKERS_PASSWORD).body()).as("the reset voided the attacker's link")
			.contains("This link is not valid.");
	}

	@Test
	void confirmingNeedsTheAccountsPasswordByPost() {
		var email = Shoppers.uniqueEmail();
		var link = register(email);
		var browser = new WebClient(port);
		var page = browser.get(link);

		var withoutCsrfToken = browser.postWithoutCsrfToken("/register/confirm",
				Map.of("token", tokenOf(link), "password", Shoppers.PASSWORD));
		var withoutPassword = browser.post("/register/confirm", Map.of("token", tokenOf(link)));

		assertThat(page.body()).contains("name=\"_csrf\"")
			.contains("type=\"password\"")
			.contains("action=\"/register/confirm\"");
		assertThat(withoutCsrfToken.status()).isEqualTo(403);
		assertThat(withoutPassword.body()).contains("This is not the password of the account.");
		assertThat(confirmed(email)).isFalse();

		var confirmed = browser.post("/register/confirm",
				Map.of("token", tokenOf(link), "password", Shoppers.PASSWORD));

		assertThat(confirmed.header("Referrer-Policy")).contains("no-referrer");
		assertThat(browser.follow(confirmed).body()).contains("Your email address is confirmed.");
		assertThat(confirmed(email)).isTrue();
		assertThat(TestMailServer.mailTo(email, "Welcome to your customer account")).isNotNull();
		assertThat(new WebClient(port).get(link).body()).contains("This link has already been used.")
			.contains("/register/resend");
		assertThat(confirm(link, Shoppers.PASSWORD).body()).contains("This link has already been used.");
		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void aWrongPasswordOnTheConfirmationPageDoesNotConfirm() {
		var email = Shoppers.uniqueEmail();
		var link = register(email);

		var wrong = confirm(link, "not-the-password-at-all-9");

		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("This is not the password of the account.")
			.contains("value=\"" + tokenOf(link) + "\"")
			.doesNotContain("not-the-password-at-all-9");
		assertThat(confirmed(email)).isFalse();
		assertThat(confirm(link, Shoppers.PASSWORD).location()).as("a wrong password leaves the link usable")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(confirmed(email)).isTrue();
	}

	@Test
	void guessingTheRegistrantsPasswordOnTheConfirmationPageRunsIntoTheLockout() {
		var email = Shoppers.uniqueEmail();
		var link = register(email);
		var guesser = new WebClient(port);
		guesser.get(link);
		for (var i = 0; i < 10; i++) {
			guesser.post("/register/confirm", Map.of("token", tokenOf(link), "password", "guess-number-" + i + "-x"));
		}

		var rightPassword = guesser.post("/register/confirm",
				Map.of("token", tokenOf(link), "password", Shoppers.PASSWORD));

		assertThat(rightPassword.status()).isEqualTo(429);
		assertThat(rightPassword.body()).contains("Too many wrong passwords.");
		assertThat(confirmed(email)).isFalse();
	}

	@Test
	void theConfirmationPageSpeaksGerman() {
		var link = register(Shoppers.uniqueEmail());
		var browser = new WebClient(port).acceptLanguage("de-DE,de;q=0.9");

		var page = browser.get(link);
		var wrong = browser.post("/register/confirm", Map.of("token", tokenOf(link), "password", "falsch-falsch-42"));

		assertThat(page.body()).contains("E-Mail-Adresse bestätigen").contains("Sie haben sich nicht registriert?");
		assertThat(wrong.body()).contains("Das ist nicht das Passwort dieses Kontos.");
	}

	@Test
	void aConfirmationWithAMalformedOrUnknownTokenExplainsTheLink() {
		var unknown = new WebClient(port);
		unknown.get("/register/confirm?token=x");

		var malformed = unknown.post("/register/confirm", Map.of("token", "x", "password", Shoppers.PASSWORD));
		var missing = new WebClient(port).get("/register/confirm");

		assertThat(malformed.status()).isEqualTo(200);
		assertThat(malformed.body()).contains("This link is not valid.");
		assertThat(missing.body()).contains("This link is not valid.");
	}

	@Test
	void guestOrdersAttachOnlyAfterConfirmation() {
		var victim = Shoppers.uniqueEmail();
		var link = register(victim, ATTACKERS_PASSWORD);
		var reference = "DE--ORD-" + UUID.randomUUID().toString().substring(0, 8);
		var api = new ApiClient(port);
		var checkout = checkoutToken(api);

		// the victim orders as a guest; a mail scanner and the victim open the link
		var order = api.send("PUT", "/api/backoffice/orders/" + reference, guestOrder(victim), ApiClient.JSON_API,
				checkout);
		new WebClient(port).get(link);
		confirm(link, Shoppers.PASSWORD);
		var attacker = new WebClient(port);
		var attackersLogin = attacker.logIn(victim, ATTACKERS_PASSWORD);
		var attackersOrders = attacker.get("/customer/order");
		var attackersToken = api.post("/api/access-tokens", """
				{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}""".formatted(victim,
				ATTACKERS_PASSWORD), null);

		assertThat(order.status()).isEqualTo(201);
		assertThat(confirmed(victim)).isFalse();
		assertThat(attackersLogin.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(attackersOrders.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(attackersToken.status()).isEqualTo(401);

		// the owner of the mailbox sees the order once they have proved it
		var reset = requestResetLink(victim);
		var owner = new WebClient(port);
		owner.get(reset);
		owner.post("/password/restore", Map.of("token", tokenOf(reset), "password", "victims-own-kettle-42",
				"passwordConfirmation", "victims-own-kettle-42"));
		owner.logIn(victim, "victims-own-kettle-42");

		assertThat(owner.get("/customer/order").body()).contains(reference);
	}

	String requestResetLink(String email) {
		var browser = new WebClient(port);
		browser.get("/password/forgotten");
		browser.post("/password/forgotten", Map.of("email", email));
		return TestMailServer.linkIn(TestMailServer.mailTo(email, "Choose a new password"));
	}

	static String checkoutToken(ApiClient api) {
		var answer = api.send("POST", "/api/token",
				"grant_type=client_credentials&client_id=checkout&client_secret=checkout-secret-for-tests",
				"application/x-www-form-urlencoded", null);
		var token = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
		assertThat(token.find()).as(answer.body()).isTrue();
		return token.group(1);
	}

	static String guestOrder(String email) {
		return """
				{"data":{"type":"orders","attributes":{"email":"%s","currencyIsoCode":"EUR","priceMode":"GROSS_MODE",
				 "state":"payment pending","createdAt":"2026-11-20T10:15:30Z",
				 "totals":{"subtotal":500,"expenseTotal":490,"discountTotal":0,"taxTotal":160,"grandTotal":990},
				 "items":[{"sku":"066_23294028","name":"Samsung Galaxy S5","quantity":1,"unitPrice":500,
				  "sumPrice":500,"state":"payment pending"}],
				 "billingAddress":{"salutation":"Ms","firstName":"Sonia","lastName":"Wagner","address1":"Julie-Wolfthorn-Straße",
				  "address2":"1","zipCode":"10115","city":"Berlin","iso2Code":"DE"},
				 "paymentMethod":"invoice","shipmentMethod":"Standard"}}}"""
			.formatted(email);
	}

	@Test
	void resendingSendsANewLinkThatVoidsTheFirst() {
		var email = Shoppers.uniqueEmail();
		var first = register(email);
		var browser = new WebClient(port);
		browser.get("/register/resend");

		var answer = browser.post("/register/resend", Map.of("email", email));

		assertThat(browser.follow(answer).body()).contains("a new link is on its way");
		var mails = TestMailServer.mailsTo(email, 2);
		var second = mails.stream()
			.filter(m -> TestMailServer.subjectOf(m).contains("confirm"))
			.map(TestMailServer::linkIn)
			.filter(link -> !link.equals(first))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no second link among " + mails.size() + " mails; the outbox holds " + outboxOf(email)));
		assertThat(new WebClient(port).get(first).body()).contains("This link is not valid.");
		var confirmed = confirm(second, Shoppers.PASSWORD);
		assertThat(confirmed.location())
			.as("outbox " + outboxOf(email) + ", answer " + confirmed.status() + " "
					+ confirmed.body().replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", ""))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void resendingForAnUnknownAddressLooksTheSameAndSendsNothing() throws Exception {
		var stranger = Shoppers.uniqueEmail();
		var browser = new WebClient(port);
		browser.get("/register/resend");

		var answer = browser.post("/register/resend", Map.of("email", stranger));

		assertThat(browser.follow(answer).body()).contains("a new link is on its way");
		Thread.sleep(1000);
		assertThat(TestMailServer.mailsTo(stranger)).isEmpty();
	}

	@Test
	void aRegistrationWithATakenAddressMailsItsOwnerAResetLinkInsteadOfAConfirmation() {
		var email = Shoppers.uniqueEmail();
		confirm(register(email), Shoppers.PASSWORD);
		var intruder = new WebClient(port);
		intruder.get("/register");

		intruder.post("/register", Shoppers.registrationForm(email.toUpperCase(), "firstName", "Mallory"));

		var warning = TestMailServer.mailTo(email, "Someone tried to register with your email address");
		assertThat(TestMailServer.bodyOf(warning)).contains("Hello Ann Lee").doesNotContain("Mallory");
		assertThat(TestMailServer.linkIn(warning)).startsWith("/password/restore?token=");
	}

	@Test
	void unicodePasswordsWithEmojiCombiningMarksAndRightToLeftScriptWorkEndToEnd() {
		var email = Shoppers.uniqueEmail();
		var password = "ש\u05C1לום-🐳-Zoe\u0308-חתול-42";
		var browser = new WebClient(port);
		browser.get("/register");
		browser.post("/register", Shoppers.registrationForm(email, "password", password));
		var registration = Shoppers.registrationForm(email, "password", password);
		registration.put("passwordConfirmation", password);
		browser.get("/register");
		browser.post("/register", registration);
		confirm(TestMailServer.linkIn(TestMailServer.mailTo(email, "Please confirm")), password);

		var composed = password.replace("Zoe\u0308", "Zoë");

		assertThat(new WebClient(port).logIn(email, composed).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void aTenMegabyteFormIsRefusedWithoutAServerErrorAndStoresNothing() {
		var email = Shoppers.uniqueEmail();
		var browser = new WebClient(port);
		browser.get("/register");

		var answer = browser.post("/register",
				Shoppers.registrationForm(email, "password", "x".repeat(10 * 1024 * 1024)));

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("The form was larger than we accept.");
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
	}

}
