package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.support.Accounts;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/** Changing the e-mail address: a link to the new address, notices to the old one. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontEmailChangeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAddressChangesOnlyWhenTheLinkToTheNewAddressIsUsedAndTheOldOneIsToldTwice() {
		var oldEmail = Shoppers.uniqueEmail();
		var newEmail = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, oldEmail);
		WebDriver browser = Chromium.start("en-US");
		try {
			Chromium.logIn(browser, port, oldEmail);
			browser.get(Chromium.url(port, "/customer/profile"));
			browser.findElement(By.id("newEmail")).sendKeys(newEmail);
			browser.findElement(By.id("emailPassword")).sendKeys(Shoppers.PASSWORD);
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()",
					browser.findElement(By.id("change-email")));
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "confirmation link"));

			var notice = TestMailServer.mailTo(oldEmail, "Your email address is about to change");
			assertThat(TestMailServer.bodyOf(notice)).contains(newEmail);
			var confirmation = TestMailServer.mailTo(newEmail, "Confirm your new email address");
			assertThat(customers.find(customer.id()).orElseThrow().email().value()).as("not before the link")
				.isEqualTo(oldEmail);

			browser.get(Chromium.url(port, TestMailServer.linkIn(confirmation)));
			browser.findElement(By.id("confirm-email")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.urlContains("/customer/profile"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
				.isEqualTo("Your email address was changed.");
			assertThat(browser.findElement(By.id("email-change")).getText()).contains(newEmail);
		}
		finally {
			browser.quit();
		}
		assertThat(customers.find(customer.id()).orElseThrow().email().value()).isEqualTo(newEmail);
		assertThat(TestMailServer.bodyOf(TestMailServer.mailTo(oldEmail, "Your email address was changed")))
			.contains(newEmail);
		var relogin = new WebClient(port).logIn(newEmail, Shoppers.PASSWORD);
		assertThat(relogin.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void aSecondRequestVoidsTheFirstLinkAndAnExpiredLinkExplainsItself() {
		var email = Shoppers.uniqueEmail();
		var first = Shoppers.uniqueEmail();
		var second = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		browser.get("/customer/profile");

		var wrong = browser.post("/customer/profile/email", Map.of("email", first, "currentPassword", "nope"));
		assertThat(wrong.body()).contains("This is not your current password.");
		var invalid = browser.post("/customer/profile/email",
				Map.of("email", "not-an-address", "currentPassword", Shoppers.PASSWORD));
		assertThat(invalid.body()).contains("is-invalid");
		var same = browser.post("/customer/profile/email",
				Map.of("email", email.toUpperCase(java.util.Locale.ROOT), "currentPassword", Shoppers.PASSWORD));
		assertThat(same.body()).contains("This is your email address already.");

		browser.post("/customer/profile/email", Map.of("email", first, "currentPassword", Shoppers.PASSWORD));
		var firstLink = TestMailServer.linkIn(TestMailServer.mailTo(first, "Confirm your new email address"));
		browser.post("/customer/profile/email", Map.of("email", second, "currentPassword", Shoppers.PASSWORD));
		var secondLink = TestMailServer.linkIn(TestMailServer.mailTo(second, "Confirm your new email address"));

		var anyone = new WebClient(port);
		assertThat(anyone.get(firstLink).body()).as("voided by the second request")
			.contains("id=\"link-problem\"")
			.doesNotContain("confirm-email");
		jdbc.sql("update credentials_token set expires_at = now() - interval '1 minute'"
				+ " where customer_id = ? and purpose = 'EMAIL_CHANGE' and used_at is null")
			.param(customer.id().value())
			.update();
		assertThat(anyone.get(secondLink).body()).contains("id=\"link-problem\"", "expired");
		assertThat(customers.find(customer.id()).orElseThrow().email().value()).isEqualTo(email);
	}

	@Test
	void anAddressOfAnotherAccountGetsNoLinkAndTheAnswerTellsNothing() {
		var email = Shoppers.uniqueEmail();
		var taken = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, taken);
		Accounts.confirmedCustomer(signUp, email);
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		browser.get("/customer/profile");

		var answer = browser.post("/customer/profile/email",
				Map.of("email", taken, "currentPassword", Shoppers.PASSWORD));

		assertThat(browser.follow(answer).body()).contains("If " + taken + " can be used");
		assertThat(TestMailServer.mailTo(email, "Your email address is about to change")).isNotNull();
		assertThat(TestMailServer.mailsTo(taken))
			.noneMatch(mail -> TestMailServer.subjectOf(mail).contains("Confirm your new email address"));
	}

}
