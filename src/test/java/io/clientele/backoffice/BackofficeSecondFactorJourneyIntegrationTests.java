package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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

import io.clientele.staff.StaffAccounts;
import io.clientele.support.AuthenticatorApp;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Chromium;

/** An admin's second factor in Chromium, from the forced enrolment to the next login. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeSecondFactorJourneyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

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
	void anAdminIsForcedToEnrolAnAppAtTheFirstLoginAndThenLogsInWithItsCode() {
		var admin = BackofficeLogins.newAdmin(staff);
		var email = admin.email().value();

		browser.get(url("/backoffice/login"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(BackofficeLogins.PASSWORD);
		browser.findElement(By.id("login")).click();
		waitForPath("/backoffice/login/enrol");
		browser.get(url("/backoffice/customers"));
		waitForPath("/backoffice/login/enrol");
		assertThat(browser.findElements(By.id("nav-dashboard"))).as("no back-office page yet").isEmpty();

		var qr = browser.findElement(By.id("totp-qr"));
		assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
		assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return arguments[0].naturalWidth", qr)).intValue()).as("the QR code is drawn").isPositive();
		Chromium.screenshot(browser, "backoffice-mfa-enrol");
		var app = new AuthenticatorApp(browser.findElement(By.id("totp-secret")).getText());
		browser.findElement(By.id("code")).sendKeys(app.nextCode());
		browser.findElement(By.id("confirm-enrolment")).click();

		var codes = browser.findElements(By.cssSelector("#recovery-codes .recovery-code"));
		assertThat(codes).hasSize(10);
		assertThat(codes).allSatisfy(code -> assertThat(code.getText()).matches("[a-z2-7]{5}-[a-z2-7]{5}"));
		var download = browser.findElement(By.id("download-codes"));
		assertThat(download.getAttribute("download")).isEqualTo("clientele-recovery-codes.txt");
		assertThat(URLDecoder.decode(download.getAttribute("href"), StandardCharsets.UTF_8))
			.startsWith("data:text/plain")
			.contains(codes.get(0).getText(), codes.get(9).getText());
		assertThat(browser.findElement(By.id("print-codes")).isDisplayed()).isTrue();
		Chromium.screenshot(browser, "backoffice-mfa-recovery-codes");
		browser.findElement(By.id("continue")).click();
		waitForPath("/backoffice");
		assertThat(browser.findElement(By.id("staff")).getText()).isEqualTo("Ada Admin");
		browser.findElement(By.id("logout")).click();
		waitForPath("/backoffice/login?logout");

		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(BackofficeLogins.PASSWORD);
		browser.findElement(By.id("login")).click();
		waitForPath("/backoffice/login/code");
		Chromium.screenshot(browser, "backoffice-mfa-code");
		browser.findElement(By.id("code")).sendKeys(app.nextCode());
		browser.findElement(By.id("verify")).click();
		waitForPath("/backoffice");
		browser.findElement(By.id("nav-security")).click();
		waitForPath("/backoffice/security");
		assertThat(browser.findElement(By.id("mfa-status")).getText()).startsWith("On since");
		assertThat(browser.findElement(By.id("recovery-codes-left")).getText()).isEqualTo("10");
	}

	private void waitForPath(String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url(path)));
	}

	private String url(String path) {
		return Chromium.url(port, path);
	}

}
