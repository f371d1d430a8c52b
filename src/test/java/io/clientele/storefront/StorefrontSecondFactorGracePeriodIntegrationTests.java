package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.multifactor.SecondFactors;
import io.clientele.support.Accounts;
import io.clientele.support.SecondFactorAccounts;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The grace period after a correct code and the lifetime of the login's code step, both
 * shortened to seconds so that the test can wait them out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "clientele.mfa.grace-period=8s", "clientele.storefront.second-step-lifetime=8s" })
class StorefrontSecondFactorGracePeriodIntegrationTests {

	static final Duration GRACE = Duration.ofSeconds(8);

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	SecondFactors factors;

	static WebClient.Page changePassword(WebClient browser, String current, String next, String code) {
		browser.get("/customer/profile");
		return browser.post("/customer/profile/password",
				code == null ? Map.of("currentPassword", current, "newPassword", next, "newPasswordConfirmation", next)
						: Map.of("currentPassword", current, "newPassword", next, "newPasswordConfirmation", next,
								"secondFactorCode", code));
	}

	static boolean changed(WebClient.Page answer) {
		return answer.status() == 302
				&& answer.location().map((location) -> location.endsWith("/customer/profile")).orElse(false);
	}

	@Test
	void aPasswordChangeIsRefusedWithoutACodeAcceptedWithOneAndWithoutOneWithinTheGracePeriodOnly() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var browser = new WebClient(port);
		browser.logIn(customer.email().value(), Shoppers.PASSWORD);
		// turned on after this session's login: the session has proved nothing yet
		var app = SecondFactorAccounts.withApp(factors, customer);

		var form = browser.get("/customer/profile");
		var withoutCode = changePassword(browser, Shoppers.PASSWORD, "violet-lantern-orchard-1", null);
		assertThat(form.body()).contains("id=\"passwordSecondFactorCode\"");
		assertThat(withoutCode.status()).isEqualTo(200);
		assertThat(withoutCode.body()).contains("Please confirm this with a code of your second sign-in step.");

		var withCode = changePassword(browser, Shoppers.PASSWORD, "violet-lantern-orchard-1", app.nextCode());
		var graceStarted = System.nanoTime();
		var formInGrace = browser.get("/customer/profile");
		var inGrace = changePassword(browser, "violet-lantern-orchard-1", "violet-lantern-orchard-2", null);
		var inGraceTook = Duration.ofNanos(System.nanoTime() - graceStarted);
		assertThat(changed(withCode)).as("with a code").isTrue();
		assertThat(formInGrace.body()).as("no field within the grace period")
			.doesNotContain("name=\"secondFactorCode\"");
		assertThat(inGraceTook).as("the test ran within the grace period").isLessThan(GRACE);
		assertThat(changed(inGrace)).as("without a code within the grace period").isTrue();

		sleep(GRACE.plusSeconds(1));
		var afterGrace = changePassword(browser, "violet-lantern-orchard-2", "violet-lantern-orchard-3", null);
		assertThat(afterGrace.status()).isEqualTo(200);
		assertThat(afterGrace.body()).contains("id=\"passwordSecondFactorCode\"")
			.contains("Please confirm this with a code of your second sign-in step.");
	}

	@Test
	void theCodeStepEndsAfterItsLifetimeAndThePasswordIsAskedAgain() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var app = SecondFactorAccounts.withApp(factors, customer);
		var browser = new WebClient(port);
		browser.follow(browser.logIn(customer.email().value(), Shoppers.PASSWORD));

		sleep(GRACE.plusSeconds(1));
		var late = browser.post("/login/code", Map.of("code", app.nextCode()));

		assertThat(late.location()).hasValueSatisfying((l) -> assertThat(l).endsWith("/login?expired"));
		assertThat(browser.follow(late).body()).contains("That took too long: please log in again with your password.");
		assertThat(browser.get("/customer/overview").status()).isEqualTo(302);
		assertThat(browser.get("/login/code").location()).as("the pending login is gone")
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
