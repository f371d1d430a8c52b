package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import io.clientele.credentials.PasswordCandidate;
import io.clientele.credentials.PasswordStrength;
import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;

/** Forgotten password and the strength meter, in Chromium as a shopper uses them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontPasswordJourneyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	PasswordStrength strength;

	@Autowired
	JdbcClient jdbc;

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
	void shopperForgetsThePasswordFollowsTheMailedLinkChoosesANewOneAndLogsIn() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var newPassword = "violet-lantern-orchard-3";

		browser.get(Chromium.url(port, "/login"));
		browser.findElement(By.id("forgotten")).click();
		waitForPath("/password/forgotten");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("send-link")).click();
		waitForPath("/login");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.contains("If there is an account with this email address");

		var mail = TestMailServer.mailTo(email, "Choose a new password");
		browser.get(Chromium.url(port, TestMailServer.linkIn(mail)));
		browser.findElement(By.id("password")).sendKeys(newPassword);
		browser.findElement(By.id("passwordConfirmation")).sendKeys(newPassword);
		waitForMeter("password", "strong", "excellent");
		Chromium.screenshot(browser, "storefront-restore");
		browser.findElement(By.id("restore")).click();
		waitForPath("/login");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Your password was changed. Please log in with your new password.");

		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(newPassword);
		browser.findElement(By.id("login")).click();
		waitForPath("/customer/overview");
	}

	@Test
	void theStrengthMeterShowsWhatTheServerEnforcesForEveryPassword() {
		var passwords = List.of("a", "password", "abcdefghijkl", "Summer2024!", "correct horse",
				"blue-kettle-harbour-7", "Tr0ub4dor&3", "violet-lantern-orchard-3", "😀🐳🎈🌵🚲🍋🦉🎻🧩🌋🪁🦔");
		browser.get(Chromium.url(port, "/register"));
		var input = browser.findElement(By.id("password"));

		for (var password : passwords) {
			input.clear();
			input.sendKeys(password);
			var expected = strength.estimate(PasswordCandidate.of(password));
			var meter = waitForMeter("password", expected.name().toLowerCase(Locale.ROOT));

			assertThat(meter.getAttribute("data-score")).as(password).isEqualTo(String.valueOf(expected.score()));
			assertThat(meter.findElement(By.cssSelector(".strength-label")).getText()).as(password)
				.isEqualTo(expected.name().toLowerCase(Locale.ROOT));
		}
		Chromium.screenshot(browser, "storefront-strength-meter");
	}

	@Test
	void theMeterNamesWhatIsMissingInTheShoppersLanguage() {
		browser.quit();
		browser = Chromium.start("de-DE");
		browser.get(Chromium.url(port, "/register"));

		var expected = strength.estimate(PasswordCandidate.of("aaab"));
		var german = List.of("schwach", "akzeptabel", "mittel", "stark", "ausgezeichnet");

		browser.findElement(By.id("password")).sendKeys("aaab");
		var meter = waitForMeter("password", expected.name().toLowerCase(Locale.ROOT));

		assertThat(meter.findElement(By.cssSelector(".strength-label")).getText())
			.isEqualTo(german.get(expected.score()));
		assertThat(meter.findElement(By.cssSelector(".strength-problems")).getText())
			.contains("Das Passwort muss mindestens 15 Zeichen haben.");
	}

	private org.openqa.selenium.WebElement waitForMeter(String inputId, String... levels) {
		var meter = browser.findElement(By.cssSelector(".strength-meter[data-for=" + inputId + "]"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> java.util.Arrays.asList(levels).contains(meter.getAttribute("data-level")));
		// the meter answers the latest input only; give a late answer no chance to linger
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.attributeToBeNotEmpty(meter, "data-score"));
		return meter;
	}

	private void waitForPath(String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(Chromium.url(port, path)));
	}

}
