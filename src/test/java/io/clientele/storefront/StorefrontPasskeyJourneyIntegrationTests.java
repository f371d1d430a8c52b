package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;

/**
 * A shopper adds a passkey and signs in with it, in Chromium with its virtual
 * authenticator (a platform authenticator that keeps resident keys and verifies the
 * user). The shop is opened at localhost, the host of its public URL: a passkey belongs
 * to a host name, never to an IP address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontPasskeyJourneyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	ChromeDriver browser;

	VirtualAuthenticator authenticator;

	@BeforeEach
	void openChromiumWithAnAuthenticator() {
		browser = Chromium.start("en-US");
		authenticator = browser.addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	@AfterEach
	void closeChromium() {
		browser.quit();
	}

	@Test
	void shopperAddsAPasskeySignsInWithItAndRemovesIt() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);

		// logs in with the password and adds a passkey in the account
		browser.get(url("/login"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(Shoppers.PASSWORD);
		browser.findElement(By.id("login")).click();
		waitFor("/customer/overview");
		browser.findElement(By.id("passkeys-link")).click();
		waitFor("/customer/passkeys");
		assertThat(browser.findElement(By.id("no-passkeys")).getText()).isEqualTo("You have no passkeys yet.");
		browser.findElement(By.id("passkey-new-name")).sendKeys("Work laptop");
		browser.findElement(By.id("add-passkey-button")).click();
		assertThat(status()).isEqualTo("Your passkey was added. From now on you can sign in with it.");
		assertThat(names()).containsExactly("Work laptop");
		assertThat(authenticator.getCredentials()).hasSize(1);
		assertThat(authenticator.getCredentials().getFirst().isResidentCredential()).isTrue();
		assertThat(TestMailServer.mailTo(email, "A sign-in method was added to your account")).isNotNull();

		// the same authenticator cannot add a second passkey for the account
		browser.findElement(By.id("add-passkey-button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-browser-problem")));
		assertThat(browser.findElement(By.id("passkey-browser-problem")).getText())
			.isEqualTo("This device already holds a passkey for your account.");
		Chromium.screenshot(browser, "storefront-passkeys");

		// logs out: on the login page the browser's autofill offers the passkey at once
		// (the
		// virtual authenticator picks it as a person would) and signs in with it
		browser.findElement(By.id("logout")).click();
		waitFor("/customer/overview");
		assertThat(browser.findElement(By.id("email")).getText()).isEqualTo(email);

		// in a browser without passkeys in its autofill, the button signs in
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
				"PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);"));
		browser.findElement(By.id("logout")).click();
		waitFor("/login?logout");
		assertThat(browser.executeScript("return document.getElementById('email').getAttribute('autocomplete')"))
			.as("the browser offers passkeys in the address field's autofill")
			.isEqualTo("username webauthn");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(By.id("passkey-sign-in")));
		Chromium.screenshot(browser, "storefront-login-passkey");
		browser.findElement(By.id("passkey-sign-in")).click();
		waitFor("/customer/overview");
		assertThat(browser.findElement(By.id("email")).getText()).isEqualTo(email);

		// sees when it was last used, and removes it
		browser.findElement(By.id("passkeys-link")).click();
		assertThat(browser.findElement(By.cssSelector("#passkeys .last-used")).getText()).isNotEqualTo("never");
		browser.findElement(By.cssSelector("#passkeys .remove")).click();
		assertThat(status()).isEqualTo("The passkey was removed. It no longer signs you in.");
		assertThat(browser.findElements(By.cssSelector("#passkeys .passkey"))).isEmpty();
		assertThat(TestMailServer.mailTo(email, "A sign-in method was removed from your account")).isNotNull();
	}

	private String status() {
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")))
			.getText();
	}

	private java.util.List<String> names() {
		return browser.findElements(By.cssSelector("#passkeys .passkey-name"))
			.stream()
			.map(input -> input.getDomProperty("value"))
			.toList();
	}

	private void waitFor(String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url(path)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
