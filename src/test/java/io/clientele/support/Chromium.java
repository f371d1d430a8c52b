package io.clientele.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless. Nothing is downloaded:
 * .ci/run installs both packages.
 */
public final class Chromium {

	private Chromium() {
	}

	public static ChromeDriver start(String language) {
		try {
			var profile = Files.createTempDirectory("clientele-chromium");
			var options = new ChromeOptions().setBinary(find("CHROMIUM_BINARY", "/usr/bin/chromium"))
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-quic", "--no-first-run", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--window-size=1280,1000", "--lang=" + language,
						"--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
			var service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(find("CHROMEDRIVER", "/usr/bin/chromedriver")))
				.build();
			var driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves what the browser shows to target/screenshots/NAME.png, for people reading a
	 * test run.
	 */
	public static void screenshot(WebDriver browser, String name) {
		try {
			var directory = Files.createDirectories(Path.of("target", "screenshots"));
			var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
			Files.write(directory.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The address of PATH on the application under test at PORT. */
	public static String url(int port, String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/**
	 * Logs in on the storefront's login page with {@link Shoppers#PASSWORD} and waits for
	 * the account overview.
	 */
	public static void logIn(WebDriver browser, int port, String email) {
		logIn(browser, port, email, Shoppers.PASSWORD);
	}

	/** Logs in on the storefront's login page and waits for the account overview. */
	public static void logIn(WebDriver browser, int port, String email, String password) {
		submitLogin(browser, port, email, password);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlToBe(url(port, "/customer/overview")));
	}

	/** Sends the storefront's login form without waiting for where it leads. */
	public static void submitLogin(WebDriver browser, int port, String email, String password) {
		browser.get(url(port, "/login"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login")).click();
	}

	private static String find(String environmentVariable, String fallback) {
		var configured = System.getenv(environmentVariable);
		return configured != null && !configured.isBlank() ? configured : fallback;
	}

}
