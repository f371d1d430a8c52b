package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.support.Accounts;
import io.clientele.support.AuthenticatorApp;
import io.clientele.support.Chromium;
import io.clientele.support.SecondFactorAccounts;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;

/**
 * A shopper sets up a second sign-in step in a real browser and logs in with it: an
 * authenticator app (the test is the app, computing codes from the key the page shows), a
 * recovery code, and codes by e-mail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontSecondFactorJourneyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	ChromeDriver browser;

	Path downloads;

	@BeforeEach
	void openChromium() throws IOException {
		browser = Chromium.start("en-US");
		downloads = Files.createTempDirectory("clientele-downloads");
		browser.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
	}

	@AfterEach
	void closeChromium() {
		browser.quit();
	}

	CustomerDetails shopper() {
		return Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
	}

	/** The app set up on the security page; returns the recovery codes shown. */
	List<String> setUpTheApp(AuthenticatorApp[] app) {
		browser.findElement(By.id("nav-security")).click();
		waitForPath("/customer/security");
		assertThat(browser.findElement(By.id("totp-status")).getText()).isEqualTo("Off");
		browser.findElement(By.id("totp-activate")).click();
		var secret = browser.findElement(By.id("totp-secret")).getText();
		assertThat(secret).as("grouped for typing").matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
		assertThat(browser.findElement(By.id("qr-code")).getAttribute("src")).startsWith("data:image/svg+xml");
		Chromium.screenshot(browser, "storefront-security-app-setup");
		app[0] = new AuthenticatorApp(secret);
		browser.findElement(By.id("totp-code")).sendKeys(app[0].nextCode());
		browser.findElement(By.id("totp-verify")).click();
		waitForText(By.id("notice"), "Your authenticator app is on");
		return browser.findElements(By.cssSelector("#recovery-codes .recovery-code"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	void logOut() {
		browser.findElement(By.id("logout")).click();
		waitForPath("/login?logout");
	}

	@Test
	void aShopperSetsUpAnAuthenticatorAppSavesTheRecoveryCodesAndLogsInWithPasswordAndAppCode() throws IOException {
		var customer = shopper();
		var email = customer.email().value();
		Chromium.logIn(browser, port, email);
		var app = new AuthenticatorApp[1];

		var codes = setUpTheApp(app);
		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
		assertThat(browser.findElement(By.id("print-codes")).isDisplayed()).isTrue();
		Chromium.screenshot(browser, "storefront-security-recovery-codes");
		browser.findElement(By.id("download-codes")).click();
		var file = downloads.resolve("recovery-codes.txt");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> Files.exists(file));
		assertThat(Files.readString(file)).contains(codes);
		assertThat(TestMailServer.mailTo(email, "A sign-in method was added")).isNotNull();

		browser.findElement(By.id("codes-saved")).click();
		waitForPath("/customer/security");
		assertThat(browser.findElement(By.id("totp-status")).getText()).isEqualTo("On");
		assertThat(browser.findElement(By.id("recovery-codes-left")).getText())
			.isEqualTo("10 unused recovery codes left.");
		logOut();

		Chromium.submitLogin(browser, port, email, Shoppers.PASSWORD);
		waitForPath("/login/code");
		var field = browser.findElement(By.id("code"));
		assertThat(field.getAttribute("autocomplete")).isEqualTo("one-time-code");
		assertThat(field.getAttribute("inputmode")).isEqualTo("numeric");
		assertThat(browser.findElements(By.id("send-code-button"))).as("no mail method").isEmpty();
		Chromium.screenshot(browser, "storefront-login-code");
		field.sendKeys(app[0].nextCode());
		browser.findElement(By.id("confirm-code")).click();
		waitForPath("/customer/overview");
	}

	@Test
	void aShopperWhoLostTheirPhoneLogsInWithARecoveryCodeAndIsToldByMail() {
		var customer = shopper();
		var email = customer.email().value();
		Chromium.logIn(browser, port, email);
		var codes = setUpTheApp(new AuthenticatorApp[1]);
		browser.findElement(By.id("codes-saved")).click();
		logOut();

		Chromium.submitLogin(browser, port, email, Shoppers.PASSWORD);
		waitForPath("/login/code");
		browser.findElement(By.id("use-recovery-code")).click();
		waitForText(By.cssSelector("label[for=code]"), "Recovery code");
		assertThat(browser.findElement(By.id("code")).getAttribute("inputmode")).isEqualTo("text");
		browser.findElement(By.id("code")).sendKeys(codes.get(3).toUpperCase());
		browser.findElement(By.id("confirm-code")).click();
		waitForPath("/customer/overview");

		var notice = TestMailServer.mailTo(email, "A recovery code was used");
		assertThat(TestMailServer.bodyOf(notice)).contains("9 unused codes are left");
		browser.get(Chromium.url(port, "/customer/security"));
		assertThat(browser.findElement(By.id("recovery-codes-left")).getText())
			.isEqualTo("9 unused recovery codes left.");
	}

	@Test
	void aShopperTurnsOnCodesByEmailAndLogsInWithAMailedCode() {
		var customer = shopper();
		var email = customer.email().value();
		Chromium.logIn(browser, port, email);
		browser.get(Chromium.url(port, "/customer/security"));

		browser.findElement(By.id("email-activate")).click();
		waitForText(By.id("notice"), "We have sent a code to your email address");
		assertThat(browser.findElement(By.id("email-status")).getText()).isEqualTo("Being set up");
		browser.findElement(By.id("email-code")).sendKeys(SecondFactorAccounts.mailedCode(email, 1));
		browser.findElement(By.id("email-verify")).click();
		waitForText(By.id("notice"), "Codes by email are on");
		assertThat(browser.findElements(By.cssSelector("#recovery-codes .recovery-code"))).hasSize(10);
		browser.findElement(By.id("codes-saved")).click();
		waitForPath("/customer/security");
		assertThat(browser.findElement(By.id("email-status")).getText()).isEqualTo("On");
		logOut();
		SecondFactorAccounts.allowNextMailedCode(jdbc, customer.id().value());

		Chromium.submitLogin(browser, port, email, Shoppers.PASSWORD);
		waitForPath("/login/code");
		assertThat(browser.findElement(By.id("code-hint")).getText())
			.contains("We have sent a 6-digit code to your email address");
		browser.findElement(By.id("code")).sendKeys(SecondFactorAccounts.mailedCode(email, 2));
		browser.findElement(By.id("confirm-code")).click();
		waitForPath("/customer/overview");
	}

	void waitForPath(String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(Chromium.url(port, path)));
	}

	void waitForText(By element, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
	}

}
