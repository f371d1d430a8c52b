package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontRegistrationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignUp signUp;

	WebClient browser;

	@BeforeEach
	void openBrowser() {
		browser = new WebClient(port);
	}

	@Test
	void registrationCreatesCustomerWithSprykerReferenceAndSendsThemToLogin() {
		var email = Shoppers.uniqueEmail();
		browser.get("/register");

		var answer = browser.post("/register", Shoppers.registrationForm(email));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
		assertThat(browser.follow(answer).body()).contains("Almost there!");
		var customer = customers.findByEmail(EmailAddress.of(email)).orElseThrow();
		assertThat(customer.reference().value()).matches("DE--\\d+");
		assertThat(customer.fullName()).isEqualTo("Ann Lee");
		assertThat(customer.locale().code()).isEqualTo("en_US");
		assertThat(customer.confirmed()).isFalse();
		assertThat(storedHashOf(customer.id().value())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void registrationWithAnAddressThatHasAnAccountLooksExactlyLikeANewOne() {
		var taken = Shoppers.uniqueEmail();
		browser.get("/register");
		browser.post("/register", Shoppers.registrationForm(taken));

		var fresh = new WebClient(port);
		fresh.get("/register");
		var newAnswer = fresh.post("/register", Shoppers.registrationForm(Shoppers.uniqueEmail()));
		var newPage = fresh.follow(newAnswer);
		var duplicate = new WebClient(port);
		duplicate.get("/register");
		var duplicateForm = Shoppers.registrationForm(taken.toUpperCase(), "firstName", "Mallory");
		var duplicateAnswer = duplicate.post("/register", duplicateForm);
		var duplicatePage = duplicate.follow(duplicateAnswer);

		assertThat(duplicateAnswer.status()).isEqualTo(newAnswer.status());
		assertThat(duplicateAnswer.location()).isEqualTo(newAnswer.location());
		assertThat(duplicatePage.status()).isEqualTo(newPage.status());
		assertThat(duplicatePage.bodyWithoutCsrfToken()).isEqualTo(newPage.bodyWithoutCsrfToken());
		assertThat(customers.findByEmail(EmailAddress.of(taken)).orElseThrow().firstName()).isEqualTo("Ann");
		assertThat(jdbc.sql("select count(*) from customer where lower(email) = lower(?)")
			.param(taken)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(TestMailServer.mailTo(taken, "Someone tried to register with your email address")).isNotNull();
	}

	@ParameterizedTest(name = "{0} = \"{1}\" gives \"{2}\"")
	@CsvSource(delimiter = '|', textBlock = """
			firstName            | Ann<script>      | A name cannot contain < > : or /.
			lastName             | Lee:             | A name cannot contain < > : or /.
			lastName             | a/b              | A name cannot contain < > : or /.
			firstName            | >                | A name cannot contain < > : or /.
			firstName            | OVERLONG_NAME    | At most 100 characters, please.
			lastName             |                  | Please enter a name.
			email                | ann@example      | This is not a valid email address.
			email                | OVERLONG_EMAIL   | An email address can have at most 100 characters.
			salutation           | Sir              | Please choose one of the salutations offered.
			salutation           |                  | Please choose a salutation.
			password             | tk9-vq2-mzr7-w   | The password must have at least 15 characters.
			password             | OVERLONG_PASS    | The password can have at most 128 characters.
			passwordConfirmation | blue-kettle-harbour-8 | The passwords do not match.
			acceptTerms          | false            | Please accept the terms and conditions.
			""")
	void badInputIsReportedAtTheFieldAndNothingIsStored(String field, String value, String message) {
		var email = Shoppers.uniqueEmail();
		var form = Shoppers.registrationForm(email, field, expand(value));
		if (field.equals("password")) {
			form.put("passwordConfirmation", expand(value));
		}
		browser.get("/register");

		var page = browser.post("/register", form);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(escaped(message)).contains("is-invalid");
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
		assertThat(jdbc.sql("select count(*) from customer where lower(email) = lower(?)")
			.param(form.get("email"))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void registrationsForOneAddressAreLimitedAlikeForKnownAndUnknownAddresses() {
		var known = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, known);
		var unknown = Shoppers.uniqueEmail();
		// five a day are accepted (from any client), whether or not the address has an
		// account
		for (var i = 0; i < 5; i++) {
			var knownAnswer = registerFromAnywhere(known);
			var unknownAnswer = registerFromAnywhere(unknown);
			assertThat(knownAnswer.status()).isEqualTo(unknownAnswer.status()).isEqualTo(302);
			assertThat(knownAnswer.location()).isEqualTo(unknownAnswer.location());
		}

		var knownRefused = registerFromAnywhere(known);
		var unknownRefused = registerFromAnywhere(unknown.toUpperCase());

		assertThat(knownRefused.status()).isEqualTo(unknownRefused.status()).isEqualTo(429);
		assertThat(knownRefused.bodyWithoutCsrfToken()).isEqualTo(unknownRefused.bodyWithoutCsrfToken())
			.contains("Too many registrations");
		assertThat(knownRefused.header("Retry-After")).isPresent();
		assertThat(unknownRefused.header("Retry-After")).isPresent();
		assertThat(registerFromAnywhere(Shoppers.uniqueEmail()).status()).as("another address is not affected")
			.isEqualTo(302);
	}

	WebClient.Page registerFromAnywhere(String email) {
		var browser = new WebClient(port, Shoppers.uniqueClientAddress());
		browser.get("/register");
		return browser.post("/register", Shoppers.registrationForm(email));
	}

	@Test
	void formKeepsEnteredValuesButNeverThePasswords() {
		var email = Shoppers.uniqueEmail();
		browser.get("/register");

		var page = browser.post("/register", Shoppers.registrationForm(email, "acceptTerms", "false"));

		assertThat(page.body()).contains("value=\"" + email + "\"")
			.contains("value=\"Ann\"")
			.contains("value=\"Lee\"")
			.doesNotContain(Shoppers.PASSWORD);
	}

	@Test
	void everyViolationIsReportedAtOnce() {
		browser.get("/register");

		var page = browser.post("/register", Map.of("salutation", "", "firstName", "", "lastName", "", "email", "",
				"password", "", "passwordConfirmation", "x"));

		assertThat(page.body()).contains("Please choose a salutation.")
			.contains("Please enter a name.")
			.contains("Please enter your email address.")
			.contains("Please enter a password.")
			.contains("The passwords do not match.")
			.contains("Please accept the terms and conditions.");
	}

	@Test
	void postWithoutCsrfTokenIsForbiddenAndStoresNothing() {
		var email = Shoppers.uniqueEmail();

		var answer = browser.postWithoutCsrfToken("/register", Shoppers.registrationForm(email));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
	}

	@Test
	void germanBrowsersGetGermanPagesAndAccounts() {
		var email = Shoppers.uniqueEmail();
		browser.acceptLanguage("de-DE,de;q=0.9,en;q=0.5");

		var page = browser.get("/register");
		var errors = browser.post("/register", Shoppers.registrationForm(email, "lastName", "Lee/"));

		assertThat(page.body()).contains("Konto anlegen").contains("lang=\"de\"");
		assertThat(errors.body()).contains("Ein Name darf &lt; &gt; : und / nicht enthalten.");
		browser.post("/register", Shoppers.registrationForm(email));
		assertThat(customers.findByEmail(EmailAddress.of(email)).orElseThrow().locale().code()).isEqualTo("de_DE");
	}

	private String storedHashOf(java.util.UUID customerId) {
		return jdbc.sql("select hash from credentials_password where owner_id = ?")
			.param(customerId)
			.query(String.class)
			.single();
	}

	private static String expand(String value) {
		return switch (value == null ? "" : value) {
			case "OVERLONG_NAME" -> "a".repeat(101);
			case "OVERLONG_EMAIL" -> "x".repeat(89) + "@example.com";
			case "OVERLONG_PASS" -> "p".repeat(129);
			default -> value == null ? "" : value;
		};
	}

	private static String escaped(String message) {
		return message.replace("<", "&lt;").replace(">", "&gt;");
	}

}
