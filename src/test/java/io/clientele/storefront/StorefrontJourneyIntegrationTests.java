package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;

/** What a shopper does in a real browser, step by step. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontJourneyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	WebDriver browser;

	@BeforeEach
	void openChromium() {
		browser = Chromium.start("en-US");
	}

	@AfterEach
	void closeChromium() {
		browser.quit();
	}

	@Test
	void shopperRegistersLogsInSeesTheOverviewAndLogsOut() {
		var email = Shoppers.uniqueEmail();

		// registers
		browser.get(Chromium.url(port, "/"));
		browser.findElement(By.linkText("Create an account")).click();
		new Select(browser.findElement(By.id("salutation"))).selectByValue("Mrs");
		browser.findElement(By.id("firstName")).sendKeys("Zoë");
		browser.findElement(By.id("lastName")).sendKeys("O'Brien");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(Shoppers.PASSWORD);
		browser.findElement(By.id("passwordConfirmation")).sendKeys(Shoppers.PASSWORD);
		browser.findElement(By.id("acceptTerms")).click();
		browser.findElement(By.id("register")).click();
		waitForPath("/login");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Almost there!");

		// confirms the address with the link from the mail and the password
		var confirmation = TestMailServer.mailTo(email, "Please confirm your email address");
		browser.get(Chromium.url(port, TestMailServer.linkIn(confirmation)));
		browser.findElement(By.id("password")).sendKeys(Shoppers.PASSWORD);
		Chromium.screenshot(browser, "storefront-register-confirm");
		browser.findElement(By.id("confirm-registration")).click();
		waitForPath("/login");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Your email address is confirmed. Please log in.");
		assertThat(TestMailServer.mailTo(email, "Welcome")).isNotNull();

		// logs in
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(Shoppers.PASSWORD);
		browser.findElement(By.id("login")).click();

		// sees the overview
		waitForPath("/customer/overview");
		Chromium.screenshot(browser, "storefront-overview");
		var reference = customers.findByEmail(EmailAddress.of(email)).orElseThrow().reference().value();
		assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("Zoë O'Brien");
		assertThat(browser.findElement(By.id("email")).getText()).isEqualTo(email);
		assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(reference);

		// logs out
		browser.findElement(By.id("logout")).click();
		waitForPath("/login?logout");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("You have been logged out.");
		browser.get(Chromium.url(port, "/customer/overview"));
		waitForPath("/login");
	}

	@Test
	void shopperSeesWhatIsWrongAtEachFieldAndKeepsWhatTheyTyped() {
		browser.get(Chromium.url(port, "/register"));
		browser.findElement(By.id("firstName")).sendKeys("Ann<");
		browser.findElement(By.id("lastName")).sendKeys("Lee");
		browser.findElement(By.id("email")).sendKeys("ann@example");
		browser.findElement(By.id("password")).sendKeys("too-short");
		browser.findElement(By.id("passwordConfirmation")).sendKeys("too-short");
		browser.findElement(By.id("register")).click();

		waitForPath("/register");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".is-invalid")));
		Chromium.screenshot(browser, "storefront-register-errors");
		assertThat(feedbackOf("salutation")).isEqualTo("Please choose a salutation.");
		assertThat(feedbackOf("firstName")).isEqualTo("A name cannot contain < > : or /.");
		assertThat(feedbackOf("email")).isEqualTo("This is not a valid email address.");
		assertThat(feedbackOf("password")).contains("The password must have at least 15 characters.");
		assertThat(feedbackOf("acceptTerms")).isEqualTo("Please accept the terms and conditions.");
		assertThat(browser.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Ann<");
		assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
	}

	private String feedbackOf(String field) {
		return browser.findElement(By.id(field))
			.findElement(By.xpath("following-sibling::div[contains(@class,'invalid-feedback')]"))
			.getText();
	}

	private void waitForPath(String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(Chromium.url(port, path)));
	}

}
