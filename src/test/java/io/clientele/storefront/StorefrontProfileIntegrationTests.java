package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.support.Accounts;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/** The profile's contact details and preferences. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontProfileIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Test
	void switchingTheLanguageChangesThePagesAtOnceAndTheNextMail() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var browser = Chromium.start("en-US");
		try {
			Chromium.logIn(browser, port, email);
			browser.get(Chromium.url(port, "/customer/profile"));
			new Select(browser.findElement(By.id("locale"))).selectByValue("de_DE");
			new Select(browser.findElement(By.id("shippingMethod"))).selectByValue("express");
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()",
					browser.findElement(By.id("marketingConsent")));
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()",
					browser.findElement(By.id("save-preferences")));
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
					By.cssSelector("[role=status]"), "Ihre Einstellungen wurden gespeichert."));
			assertThat(browser.findElement(By.id("consent-time")).getText()).startsWith("Sie haben am");
			Chromium.screenshot(browser, "storefront-preferences");

			browser.findElement(By.id("logout")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.not(ExpectedConditions.urlContains("/customer/profile")));
			browser.get(Chromium.url(port, "/password/forgotten"));
			browser.findElement(By.id("email")).sendKeys(email);
			browser.findElement(By.id("send-link")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.urlToBe(Chromium.url(port, "/login")));
		}
		finally {
			browser.quit();
		}
		assertThat(TestMailServer.mailTo(email, "Wählen Sie ein neues Passwort"))
			.as("the mail speaks the chosen language, not the browser's")
			.isNotNull();
		var stored = customers.find(customer.id()).orElseThrow();
		assertThat(stored.locale().code()).isEqualTo("de_DE");
		assertThat(stored.preferredShippingMethod()).isEqualTo("express");
		assertThat(stored.marketingConsent()).isTrue();
		assertThat(stored.marketingConsentChangedAt()).isNotNull();
	}

	@Test
	void contactDetailsAreChangedWithFieldErrorsFirstAndNothingHalfWritten() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		browser.get("/customer/profile");

		var invalid = browser.post("/customer/profile/details", Map.of("salutation", "Ms", "firstName", "Ann",
				"lastName", "Changed", "dateOfBirth", "1850-01-01", "company", "New Ltd"));
		assertThat(invalid.body()).contains("Please enter a date of birth between 1900 and today.",
				"value=\"Changed\"");
		assertThat(customers.find(customer.id()).orElseThrow().lastName()).as("nothing half-written")
			.isNotEqualTo("Changed");

		var names = browser.post("/customer/profile/details",
				Map.of("salutation", "Sir", "firstName", "", "lastName", "<b>"));
		assertThat(names.body()).contains("Please choose one of the salutations offered.", "Please enter a name.");

		var saved = browser.post("/customer/profile/details", Map.of("salutation", "Dr", "firstName", "Ann", "lastName",
				"Lee", "dateOfBirth", "1990-05-17", "phone", "+49 30 1234", "company", ""));
		assertThat(browser.follow(saved).body()).contains("Your details were saved.");
		var stored = customers.find(customer.id()).orElseThrow();
		assertThat(stored.dateOfBirth()).hasToString("1990-05-17");
		assertThat(stored.phone()).isEqualTo("+49 30 1234");

		var badChoice = browser.post("/customer/profile/preferences",
				Map.of("locale", "fr_FR", "shippingMethod", "drone"));
		assertThat(badChoice.body()).contains("This language is not offered.",
				"Please choose one of the shipping methods offered.");
	}

}
