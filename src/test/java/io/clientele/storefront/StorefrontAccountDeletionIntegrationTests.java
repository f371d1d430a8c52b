package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.orderhistory.OrderData;
import io.clientele.orderhistory.OrderHistory;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/** A shopper deletes their own account. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontAccountDeletionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	StaffAccounts staffAccounts;

	@Autowired
	CustomerManagement customers;

	@Autowired
	OrderHistory orders;

	@Test
	void aDeletedAccountCannotLogInAndItsOrdersStayInTheBackOfficeUnderItsReference() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var orderReference = "DEL-" + customer.reference().value();
		orders.record(customer.id(),
				new OrderData(orderReference, "EUR", "GROSS_MODE", "shipped",
						new OrderData.Totals(1000, 0, 0, 160, 1000, 0, 0),
						List.of(Map.of("sku", "T-1", "name", "Teapot", "quantity", 1, "sumPrice", 1000)), null, null,
						null, null, Instant.now()));
		WebDriver browser = Chromium.start("en-US");
		try {
			Chromium.logIn(browser, port, email);
			browser.findElement(By.id("delete-account")).click();
			browser.findElement(By.id("currentPassword")).sendKeys("not-my-password-at-all");
			browser.findElement(By.id("confirm-delete")).click();
			assertThat(browser.findElement(By.cssSelector(".invalid-feedback")).getText())
				.isEqualTo("This is not your current password.");
			assertThat(customers.find(customer.id()).orElseThrow().anonymized()).isFalse();

			browser.findElement(By.id("currentPassword")).sendKeys(Shoppers.PASSWORD);
			browser.findElement(By.id("confirm-delete")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("account-deleted"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
				.startsWith("Your account was deleted.");

			Chromium.submitLogin(browser, port, email, Shoppers.PASSWORD);
			assertThat(browser.getCurrentUrl()).as("the login fails").contains("/login");
			browser.get(Chromium.url(port, "/customer/overview"));
			assertThat(browser.getCurrentUrl()).contains("/login");
		}
		finally {
			browser.quit();
		}
		assertThat(TestMailServer.mailTo(email, "Your customer account was deleted")).isNotNull();
		var closed = customers.find(customer.id()).orElseThrow();
		assertThat(closed.anonymized()).isTrue();
		assertThat(closed.email().value()).isNotEqualTo(email);

		var staff = BackofficeLogins.signedInAdmin(port, staffAccounts);
		assertThat(staff.get("/backoffice/customers?q=" + customer.reference().value()).body())
			.as("not in the default list")
			.contains("No customers");
		assertThat(staff.get("/backoffice/customers?status=deleted&q=" + customer.reference().value()).body())
			.contains(customer.reference().value());
		assertThat(staff.get("/backoffice/customers/" + customer.reference().value() + "/orders").body())
			.contains(orderReference);
		assertThat(staff.get("/backoffice/customers/" + customer.reference().value() + "/activity").body())
			.contains("Account deleted");
	}

}
