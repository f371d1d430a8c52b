package io.clientele.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.staff.StaffSummary;

/**
 * Back-office logins as a staff member makes them: the password, then whatever second
 * step follows. Admins must have an authenticator app (the default of
 * {@code clientele.backoffice.mfa.admin}): at their first login this helper enrols one
 * from the secret the page shows, keeps it (for the JVM, as its one test database keeps
 * the staff), and types its codes at later logins. Each app code works once, so tests use
 * admins of their own ({@link #newAdmin}) rather than one shared admin.
 */
public final class BackofficeLogins {

	/** The password of the staff made here. */
	public static final String PASSWORD = "violet-lantern-orchard-3";

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY_CODE = Pattern.compile("class=\"recovery-code\"[^>]*>([a-z2-7-]+)<");

	private static final Map<String, AuthenticatorApp> APPS = new ConcurrentHashMap<>();

	private static final Map<String, List<String>> RECOVERY_CODES = new ConcurrentHashMap<>();

	private BackofficeLogins() {
	}

	/** An address no staff member has yet. */
	public static String uniqueStaffEmail() {
		return "staff-" + UUID.randomUUID().toString().substring(0, 13) + "@clientele.example";
	}

	/** A new admin with {@link #PASSWORD}, who has not logged in yet. */
	public static StaffSummary newAdmin(StaffAccounts staff) {
		return newMember(staff, StaffRole.ADMIN, "Ada Admin");
	}

	/** A new staff member with {@link #PASSWORD}. */
	public static StaffSummary newMember(StaffAccounts staff, StaffRole role, String displayName) {
		return staff.create(EmailAddress.of(uniqueStaffEmail()), displayName, role, PASSWORD);
	}

	/** A browser in which a new admin is signed in. */
	public static WebClient signedInAdmin(int port, StaffAccounts staff) {
		var browser = new WebClient(port);
		signIn(browser, newAdmin(staff).email().value(), PASSWORD);
		return browser;
	}

	/** The staff member's authenticator app, enrolled at their first login here. */
	public static AuthenticatorApp appOf(String email) {
		var app = APPS.get(key(email));
		assertThat(app).as("an app enrolled for " + email).isNotNull();
		return app;
	}

	/** The recovery codes shown at the staff member's enrolment here. */
	public static List<String> recoveryCodesOf(String email) {
		return RECOVERY_CODES.getOrDefault(key(email), List.of());
	}

	/** Keeps the app a test enrolled itself, for later logins through this helper. */
	public static void remember(String email, AuthenticatorApp app) {
		APPS.put(key(email), app);
	}

	/** Sends the login form only; the answer says where the login goes next. */
	public static WebClient.Page submitPassword(WebClient browser, String email, String password) {
		browser.get("/backoffice/login");
		return browser.post("/backoffice/login", Map.of("email", email, "password", password));
	}

	/**
	 * Logs in with the password and the second step that follows (enrolment or code), and
	 * checks that the back office opens.
	 */
	public static void signIn(WebClient browser, String email, String password) {
		var answer = submitPassword(browser, email, password);
		var next = answer.location().orElseThrow(() -> new AssertionError("No redirect: " + answer.status()));
		if (next.endsWith("/backoffice/login/enrol")) {
			var page = browser.get("/backoffice/login/enrol");
			var app = new AuthenticatorApp(find(SECRET, page.body()));
			var codes = browser.post("/backoffice/login/enrol", Map.of("code", app.nextCode()));
			assertThat(codes.body()).as("the recovery codes after enrolment").contains("id=\"recovery-codes\"");
			APPS.put(key(email), app);
			RECOVERY_CODES.put(key(email), RECOVERY_CODE.matcher(codes.body()).results().map(m -> m.group(1)).toList());
		}
		else if (next.endsWith("/backoffice/login/code")) {
			browser.get("/backoffice/login/code");
			var signedIn = browser.post("/backoffice/login/code", Map.of("code", appOf(email).nextCode()));
			assertThat(signedIn.location()).as("the code opens the back office")
				.hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice"));
		}
		else {
			assertThat(next).as("where the login leads").endsWith("/backoffice");
		}
		assertThat(browser.get("/backoffice").status()).as("the back office opens").isEqualTo(200);
	}

	/**
	 * Logs in in Chromium with the password and the second step that follows (enrolment:
	 * the test reads the key the page shows, as a person types it into an app), and waits
	 * for the dashboard.
	 */
	public static void signIn(WebDriver browser, int port, String email, String password) {
		browser.get(Chromium.url(port, "/backoffice/login"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login")).click();
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.or(ExpectedConditions.urlToBe(Chromium.url(port, "/backoffice")),
				ExpectedConditions.urlToBe(Chromium.url(port, "/backoffice/login/enrol")),
				ExpectedConditions.urlToBe(Chromium.url(port, "/backoffice/login/code"))));
		if (browser.getCurrentUrl().endsWith("/enrol")) {
			var app = new AuthenticatorApp(browser.findElement(By.id("totp-secret")).getText());
			browser.findElement(By.id("code")).sendKeys(app.nextCode());
			browser.findElement(By.id("confirm-enrolment")).click();
			var codes = browser.findElements(By.cssSelector("#recovery-codes .recovery-code"))
				.stream()
				.map(element -> element.getText())
				.toList();
			APPS.put(key(email), app);
			RECOVERY_CODES.put(key(email), codes);
			browser.findElement(By.id("continue")).click();
		}
		else if (browser.getCurrentUrl().endsWith("/code")) {
			browser.findElement(By.id("code")).sendKeys(appOf(email).nextCode());
			browser.findElement(By.id("verify")).click();
		}
		wait.until(ExpectedConditions.urlToBe(Chromium.url(port, "/backoffice")));
	}

	private static String find(Pattern pattern, String body) {
		var matcher = pattern.matcher(body);
		assertThat(matcher.find()).as("the page shows " + pattern).isTrue();
		return matcher.group(1);
	}

	private static String key(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
