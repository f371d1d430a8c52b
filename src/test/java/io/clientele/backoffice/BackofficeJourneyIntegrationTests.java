package io.clientele.backoffice;

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

import io.clientele.credentials.SignUp;
import io.clientele.customer.ChangeProfile;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Chromium;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;

/** The back office's journeys in Chromium, as staff and customers take them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeJourneyIntegrationTests {

	static final String STAFF_PASSWORD = "violet-lantern-orchard-3";

	static final String MARKUP = "<script>alert(\"x\")</script> O'Neil";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

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
	void aCustomerCreatedByStaffGetsASetPasswordLinkInTheQueueChoosesAPasswordAndLogsIn() {
		var email = Shoppers.uniqueEmail();
		logIn(newAdmin(), STAFF_PASSWORD);
		browser.get(url("/backoffice/customers"));
		browser.findElement(By.id("new-customer")).click();
		new Select(browser.findElement(By.id("salutation"))).selectByValue("Ms");
		browser.findElement(By.id("firstName")).sendKeys("Nora");
		browser.findElement(By.id("lastName")).sendKeys("Lindqvist");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("company")).sendKeys("Lindqvist AB");
		assertThat(browser.findElement(By.id("sendLink")).isSelected()).as("the link is sent by default").isTrue();
		browser.findElement(By.id("create-customer")).click();
		assertThat(text("#message")).contains("a link to choose a password is on its way");
		assertThat(text("#registered")).isEqualTo("No");

		browser.get(url("/backoffice/mails"));
		browser.findElements(By.cssSelector("#mails tbody tr"))
			.stream()
			.filter(row -> row.getText().contains(email))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("a"))
			.click();
		assertThat(text("#subject")).isEqualTo("Your customer account is ready: choose your password");
		assertThat(browser.getPageSource()).as("staff never see the link").doesNotContain("token=");
		Chromium.screenshot(browser, "backoffice-mail-with-link-hidden");

		browser.get(url(io.clientele.support.TestMailServer
			.linkIn(io.clientele.support.TestMailServer.mailTo(email, "choose your password"))));
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		browser.findElement(By.id("passwordConfirmation")).sendKeys(STAFF_PASSWORD);
		browser.findElement(By.id("restore")).click();
		waitForPath("/login");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		browser.findElement(By.id("login")).click();
		waitForPath("/customer/overview");

		var customer = customers.findByEmail(EmailAddress.of(email)).orElseThrow();
		assertThat(customer.registered()).isTrue();
		assertThat(customer.confirmed()).as("the link proved the mailbox").isTrue();
		browser.get(url("/backoffice/customers/" + customer.reference().value() + "/activity"));
		assertThat(text("#activity")).contains("Customer created", "Set-password link sent", "Password reset completed",
				"Login");
	}

	@Test
	void aGeneratedPasswordIsMailedAndTheLoginForcesAChange() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		logIn(newAdmin(), STAFF_PASSWORD);
		browser.get(url("/backoffice/customers/" + customer.reference().value() + "/login-details"));
		browser.findElement(By.id("generate-password")).click();
		assertThat(text("#message")).contains("temporary password");

		var mail = TestMailServer.mailTo(email, "Your temporary password");
		var matcher = java.util.regex.Pattern.compile("\\b[a-km-zA-HJ-NP-Z2-9]{16}\\b")
			.matcher(TestMailServer.bodyOf(mail));
		assertThat(matcher.find()).as("the mail holds the password").isTrue();
		assertThat(browser.getPageSource()).as("staff never see it").doesNotContain(matcher.group());

		browser.get(url("/login"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(matcher.group());
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/customer/profile?password-outdated"));
		browser.get(url("/customer/overview"));
		assertThat(browser.getCurrentUrl()).as("nothing else before the change")
			.contains("/customer/profile?password-outdated");
	}

	@Test
	void anAdminSetsAPasswordWithTheLiveStrengthMeter() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		logIn(newAdmin(), STAFF_PASSWORD);
		browser.get(url("/backoffice/customers/" + customer.reference().value() + "/login-details"));
		browser.findElement(By.id("set-password")).click();
		var input = browser.findElement(By.id("password"));
		input.sendKeys("password1");
		waitForMeter("weak");
		input.clear();
		input.sendKeys(STAFF_PASSWORD);
		waitForMeter("strong", "excellent");
		browser.findElement(By.id("passwordConfirmation")).sendKeys(STAFF_PASSWORD);
		Chromium.screenshot(browser, "backoffice-set-password");
		browser.findElement(By.id("save-password")).click();
		assertThat(text("#message")).contains("The password was set");
		assertThat(TestMailServer.mailTo(email, "Your password was changed")).isNotNull();
	}

	@Test
	void supportCannotSetPasswordsOrDeleteAndCustomersCannotReachTheBackOffice() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var support = "support-" + Shoppers.uniqueEmail();
		staff.create(EmailAddress.of(support), "Sam Support", StaffRole.SUPPORT, STAFF_PASSWORD);
		logIn(support, STAFF_PASSWORD);
		var page = "/backoffice/customers/" + customer.reference().value();
		browser.get(url(page + "/login-details"));
		assertThat(browser.findElements(By.id("send-reset-link"))).hasSize(1);
		assertThat(browser.findElements(By.id("set-password"))).isEmpty();
		assertThat(browser.findElements(By.id("generate-password"))).isEmpty();
		assertThat(browser.findElements(By.id("delete"))).isEmpty();
		browser.get(url(page + "/set-password"));
		assertThat(browser.findElements(By.id("save-password"))).isEmpty();
		browser.get(url(page + "/delete"));
		assertThat(browser.findElements(By.id("confirm-delete"))).isEmpty();

		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(Shoppers.PASSWORD);
		browser.findElement(By.id("login")).click();
		waitForPath("/customer/overview");
		browser.get(url("/backoffice/customers"));
		waitForPath("/backoffice/login");
	}

	@Test
	void aConcurrentEditShowsBothVersionsAndOverwritesNothing() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		logIn(newAdmin(), STAFF_PASSWORD);
		browser.get(url("/backoffice/customers/" + customer.reference().value() + "/edit"));
		var company = browser.findElement(By.id("company"));
		company.clear();
		company.sendKeys("Mine GmbH");

		// meanwhile a colleague (or the customer) saves another company
		customers.changeProfile(customer.id(), new ChangeProfile(null, null, null, null, null, null, "Theirs AG"));

		click("save-customer");
		assertThat(text("#conflict")).contains("Someone changed this customer", "Mine GmbH", "Theirs AG");
		assertThat(customers.find(customer.id()).orElseThrow().company()).as("nothing overwritten")
			.isEqualTo("Theirs AG");
		Chromium.screenshot(browser, "backoffice-edit-conflict");

		click("save-customer");
		assertThat(text("#message")).isEqualTo("The details were saved.");
		assertThat(text("#company")).isEqualTo("Mine GmbH");
	}

	@Test
	void namesAndNotesWithMarkupAreShownEscapedEverywhere() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		customers.changeProfile(customer.id(),
				new ChangeProfile(null, "O'Neil \"Nell\"", null, null, null, null, MARKUP));
		logIn(newAdmin(), STAFF_PASSWORD);
		var page = "/backoffice/customers/" + customer.reference().value();
		browser.get(url(page + "/notes"));
		browser.findElement(By.id("text")).sendKeys(MARKUP);
		browser.findElement(By.id("add-note")).click();
		assertThat(text(".note .mail-text")).isEqualTo(MARKUP);

		browser.get(url("/backoffice/groups"));
		browser.findElement(By.id("name")).sendKeys("<b>VIP</b> \"quoted\"");
		browser.findElement(By.id("create-group")).click();
		browser.findElement(By.id("member")).sendKeys(email);
		browser.findElement(By.id("add-member")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), email));
		assertThat(text("#group-name")).isEqualTo("<b>VIP</b> \"quoted\"");

		for (var path : java.util.List.of("/backoffice/customers?q=" + customer.reference().value(), page,
				page + "/groups", page + "/activity", "/backoffice/activity")) {
			browser.get(url(path));
			assertThat(browser.findElements(By.tagName("h1"))).as(path).isNotEmpty();
			org.junit.jupiter.api.Assertions.assertThrows(org.openqa.selenium.NoAlertPresentException.class,
					() -> browser.switchTo().alert(), path + " ran a script");
		}
		browser.get(url("/backoffice/customers?q=" + customer.reference().value()));
		assertThat(text("#customers tbody")).contains(MARKUP, "O'Neil \"Nell\"", "<b>VIP</b> \"quoted\"");
		browser.get(url(page));
		assertThat(text("#title")).contains("O'Neil \"Nell\"");
		assertThat(text("#company")).isEqualTo(MARKUP);
	}

	// an admin of the test's own, with STAFF_PASSWORD
	private String newAdmin() {
		return BackofficeLogins.newAdmin(staff).email().value();
	}

	// the password and the second step that follows (admins enrol an app at first)
	private void logIn(String email, String password) {
		BackofficeLogins.signIn(browser, port, email, password);
	}

	private void click(String id) {
		var element = browser.findElement(By.id(id));
		// a click as the user makes it, even where the browser's autofill list covers the
		// button
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
	}

	private String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private void waitForMeter(String... levels) {
		var meter = browser.findElement(By.cssSelector(".strength-meter[data-for=password]"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> java.util.Arrays.asList(levels).contains(meter.getAttribute("data-level")));
	}

	private void waitForPath(String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url(path)));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
