package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
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

import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;

/** Importing customers in Chromium, through the real form and the live progress page. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeImportJourneyIntegrationTests {

	// clear passwords are hashed on import, which makes the run last long enough for the
	// progress page to be seen
	static final int ROWS = 40;

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

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
	void anAdminUploadsAFileSeesTheDryRunStartsTheImportAndWatchesItFinish() throws IOException {
		var prefix = Shoppers.uniqueEmail().replace("@", "-import-");
		var csv = new StringBuilder(BackofficeImportIntegrationTests.HEADER).append('\n');
		for (var i = 0; i < ROWS; i++) {
			csv.append(",en_US,,")
				.append(prefix)
				.append(i)
				.append("@example.com,Ms,Ida,Import,,,,night-harbour-lamp-")
				.append(i)
				.append(",\n");
		}
		csv.append(",en_US,,not-an-address,Mr,Bad,Row,,,,,\n");
		var file = Files.createTempFile("customers", ".csv");
		Files.writeString(file, csv);
		logIn();

		browser.get(url("/backoffice/customers"));
		browser.findElement(By.id("import-customers")).click();
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("plaintextPasswords")).click();
		browser.findElement(By.id("check-file")).click();
		var dryRun = waitFor("#dry-run");
		Chromium.screenshot(browser, "backoffice-import-dry-run");

		assertThat(dryRun.findElement(By.id("count-created")).getText()).isEqualTo(String.valueOf(ROWS));
		assertThat(dryRun.findElement(By.id("count-failed")).getText()).isEqualTo("1");
		assertThat(text("#row-errors tbody")).contains(String.valueOf(ROWS + 2), "email",
				"is not a valid email address");
		assertThat(customers.findByEmail(EmailAddress.of(prefix + "0@example.com"))).isEmpty();

		browser.findElement(By.id("start-import")).click();
		var summary = new WebDriverWait(browser, Duration.ofSeconds(60))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
		Chromium.screenshot(browser, "backoffice-import-finished");

		assertThat(summary.findElement(By.id("count-created")).getText()).isEqualTo(String.valueOf(ROWS));
		assertThat(browser.findElement(By.id("error-report")).getText()).contains("(1)");
		assertThat(customers.findByEmail(EmailAddress.of(prefix + (ROWS - 1) + "@example.com"))).isPresent();
		Files.delete(file);
	}

	// an admin of the test's own, who enrols the authenticator app admins must have
	private void logIn() {
		BackofficeLogins.signIn(browser, port, BackofficeLogins.newAdmin(staff).email().value(),
				BackofficeLogins.PASSWORD);
	}

	private org.openqa.selenium.WebElement waitFor(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	private String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
