package io.clientele.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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

	private static String find(String environmentVariable, String fallback) {
		var configured = System.getenv(environmentVariable);
		return configured != null && !configured.isBlank() ? configured : fallback;
	}

}
