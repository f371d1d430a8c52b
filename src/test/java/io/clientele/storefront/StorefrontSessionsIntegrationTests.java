package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/** The customer's list of sessions and signing them out. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontSessionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Test
	void signingOutAnotherSessionReallyEndsIt() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var phone = new WebClient(port);
		phone.logIn(email, Shoppers.PASSWORD);
		assertThat(phone.get("/customer/overview").status()).isEqualTo(200);

		WebDriver browser = Chromium.start("en-US");
		try {
			Chromium.logIn(browser, port, email);
			browser.findElement(By.id("sessions")).click();

			var rows = browser.findElements(By.cssSelector("#sessions .session"));
			assertThat(rows).hasSize(2);
			var current = browser.findElement(By.cssSelector("#sessions .current")).getText();
			assertThat(current).contains("This browser", "127.0.0.1", "Chrome");
			assertThat(browser.getPageSource()).as("session ids never leave the server")
				.doesNotContain(phone.cookie("SESSION").orElseThrow());
			Chromium.screenshot(browser, "storefront-sessions");

			browser.findElement(By.cssSelector("#sessions .sign-out")).click();
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
				.isEqualTo("That session was signed out.");
			assertThat(browser.findElements(By.cssSelector("#sessions .session"))).hasSize(1);
		}
		finally {
			browser.quit();
		}
		var after = phone.get("/customer/overview");
		assertThat(after.status()).as("the other session has ended").isEqualTo(302);
		assertThat(after.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void signingOutEverywhereElseKeepsOnlyThisSession() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var laptop = new WebClient(port);
		laptop.logIn(email, Shoppers.PASSWORD);
		var tablet = new WebClient(port);
		tablet.logIn(email, Shoppers.PASSWORD);
		var phone = new WebClient(port);
		phone.logIn(email, Shoppers.PASSWORD);

		phone.get("/customer/sessions");
		phone.post("/customer/sessions/sign-out-others", java.util.Map.of());

		assertThat(laptop.get("/customer/overview").status()).isEqualTo(302);
		assertThat(tablet.get("/customer/overview").status()).isEqualTo(302);
		assertThat(phone.get("/customer/overview").status()).isEqualTo(200);
		assertThat(phone.post("/customer/sessions/" + "0".repeat(32) + "/sign-out", java.util.Map.of()).status())
			.as("an unknown handle ends nothing")
			.isEqualTo(302);
		assertThat(phone.get("/customer/overview").status()).isEqualTo(200);
	}

}
