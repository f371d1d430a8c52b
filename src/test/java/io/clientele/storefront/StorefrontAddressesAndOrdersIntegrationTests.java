package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import io.clientele.address.AddressBook;
import io.clientele.credentials.SignUp;
import io.clientele.orderhistory.OrderData;
import io.clientele.orderhistory.OrderHistory;
import io.clientele.support.Accounts;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/** The shopper's address book and order history. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontAddressesAndOrdersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	AddressBook addresses;

	@Autowired
	OrderHistory orders;

	@Test
	void theFirstAddressBecomesBothDefaultsAndAnotherCanTakeOneOver() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		WebDriver browser = Chromium.start("en-US");
		try {
			Chromium.logIn(browser, port, email);
			browser.get(Chromium.url(port, "/customer/address"));
			addAddress(browser, "Main Street", false);
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
				.isEqualTo("The address was added.");
			addAddress(browser, "Side Street", true);

			var main = address(browser, "Main Street");
			var side = address(browser, "Side Street");
			assertThat(main.findElements(By.cssSelector(".default-billing"))).as("the first stays billing").hasSize(1);
			assertThat(main.findElements(By.cssSelector(".default-shipping"))).as("shipping moved").isEmpty();
			assertThat(side.findElements(By.cssSelector(".default-shipping"))).hasSize(1);
			Chromium.screenshot(browser, "storefront-addresses");

			browser.get(Chromium.url(port, "/customer/overview"));
			assertThat(browser.findElement(By.id("default-billing")).getText()).contains("Main Street");
			assertThat(browser.findElement(By.id("default-shipping")).getText()).contains("Side Street");
		}
		finally {
			browser.quit();
		}
		assertThat(addresses.list(customer.id())).hasSize(2);
	}

	@Test
	void ordersShowTenPerPageNewestFirstAndAreFoundByReference() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var prefix = "SF" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		for (int i = 1; i <= 12; i++) {
			orders.record(customer.id(),
					order(prefix + "-" + i, Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i * 86400L)));
		}
		WebDriver browser = Chromium.start("en-US");
		try {
			Chromium.logIn(browser, port, email);
			browser.findElement(By.id("nav-orders")).click();
			var rows = browser.findElements(By.cssSelector("#orders .order"));
			assertThat(rows).hasSize(10);
			assertThat(rows.getFirst().getText()).as("newest first").startsWith(prefix + "-12");
			assertThat(browser.findElement(By.id("page")).getText()).isEqualTo("Page 1 of 2");
			browser.findElement(By.id("next")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("page=1"));
			assertThat(browser.findElements(By.cssSelector("#orders .order")))
				.extracting(e -> e.getText().split(" ")[0])
				.containsExactly(prefix + "-2", prefix + "-1");

			var term = prefix.toLowerCase(java.util.Locale.ROOT) + "-7";
			browser.findElement(By.id("q")).sendKeys(term);
			browser.findElement(By.id("search")).click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=" + term));
			assertThat(browser.findElements(By.cssSelector("#orders .order"))).hasSize(1);
			browser.findElement(By.linkText(prefix + "-7")).click();
			assertThat(browser.findElement(By.id("order-reference")).getText()).isEqualTo("Order " + prefix + "-7");
			assertThat(browser.findElement(By.id("items")).getText()).contains("Kettle", "2");
			assertThat(browser.findElement(By.id("grand-total")).getText()).isEqualTo("25.90 EUR");
			assertThat(browser.findElement(By.id("shipping-address")).getText()).contains("Harbour Road 7");
			assertThat(browser.findElement(By.id("shipment")).getText()).isEqualTo("Express");
		}
		finally {
			browser.quit();
		}
	}

	@Test
	void addressFormsShowFieldErrorsAndOtherCustomersDataIsNotFound() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var other = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var theirs = addresses.add(other.id(), new io.clientele.address.AddressData("Mr", "Ben", "Other", "Elsewhere",
				"1", null, "10115", "Berlin", "DE", null, null), false, false);
		orders.record(other.id(), order("THEIRS-" + UUID.randomUUID(), Instant.now()));
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);

		browser.get("/customer/address/new");
		var invalid = browser.post("/customer/address", Map.of("salutation", "Sir", "firstName", "", "lastName", "X",
				"address1", "Main", "address2", "", "zipCode", "1234567890123456", "city", "Be", "iso2Code", "XX"));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("is-invalid", "value=\"Main\"");
		assertThat(addresses.list(customer.id())).isEmpty();

		assertThat(browser.get("/customer/address/" + theirs.id()).status()).isEqualTo(404);
		assertThat(browser.get("/customer/address/not-an-id").status()).isEqualTo(404);
		browser.get("/customer/address");
		assertThat(browser.post("/customer/address/" + theirs.id() + "/delete", Map.of()).status()).isEqualTo(404);
		assertThat(addresses.list(other.id())).hasSize(1);
		assertThat(browser.get("/customer/order/" + orders.page(other.id(), 0, 1).orders().getFirst().orderReference())
			.status()).isEqualTo(404);
		assertThat(browser.get("/customer/order?page=x").status()).isEqualTo(200);
	}

	private static OrderData order(String reference, Instant orderedAt) {
		return new OrderData(reference, "EUR", "GROSS_MODE", "new", new OrderData.Totals(2090, 500, 0, 413, 2590, 0, 0),
				List.of(Map.of("sku", "K-1", "name", "Kettle", "quantity", 2, "unitPrice", 1045, "sumPrice", 2090,
						"state", "new")),
				null, Map.of("firstName", "Ann", "lastName", "Lee", "address1", "Harbour Road", "address2", "7",
						"zipCode", "20095", "city", "Hamburg", "iso2Code", "DE"),
				"Invoice", "Express", orderedAt);
	}

	private void addAddress(WebDriver browser, String street, boolean defaultShipping) {
		browser.findElement(By.id("add-address")).click();
		new Select(browser.findElement(By.id("salutation"))).selectByValue("Ms");
		browser.findElement(By.id("firstName")).sendKeys("Ann");
		browser.findElement(By.id("lastName")).sendKeys("Lee");
		browser.findElement(By.id("address1")).sendKeys(street);
		browser.findElement(By.id("address2")).sendKeys("1");
		browser.findElement(By.id("zipCode")).sendKeys("10115");
		browser.findElement(By.id("city")).sendKeys("Berlin");
		if (defaultShipping) {
			click(browser, "defaultShipping");
		}
		click(browser, "save-address");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlToBe(Chromium.url(port, "/customer/address")));
	}

	// a click as the user makes it, even where the browser's autofill list covers the
	// element
	private static void click(WebDriver browser, String id) {
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()",
				browser.findElement(By.id(id)));
	}

	private static org.openqa.selenium.WebElement address(WebDriver browser, String street) {
		return browser.findElements(By.cssSelector(".address"))
			.stream()
			.filter(a -> a.getText().contains(street))
			.findFirst()
			.orElseThrow();
	}

}
