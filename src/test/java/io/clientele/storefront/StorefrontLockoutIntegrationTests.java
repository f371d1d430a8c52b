package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/**
 * Lockout as a person meets it: the 429 page, the owner's mail, the right password
 * refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontLockoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	String email;

	@BeforeEach
	void shopper() {
		email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
	}

	WebClient.Page failedLogin() {
		return new WebClient(port).logIn(email, "not-the-password-1");
	}

	@Test
	void nineFailuresStillGetTheOrdinaryMessage() {
		for (int i = 0; i < 9; i++) {
			var page = failedLogin();
			assertThat(page.location()).as(page.status() + " " + page.body())
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		}

		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void theTenthFailureBlocksWith429AndSaysHowLongToWait() {
		for (int i = 0; i < 9; i++) {
			failedLogin();
		}

		var tenth = failedLogin();

		assertThat(tenth.status()).isEqualTo(429);
		assertThat(tenth.body()).contains("Please try again in 5 minutes");
	}

	@Test
	void aBlockedAttemptWithTheRightPasswordIsRefusedToo() {
		for (int i = 0; i < 10; i++) {
			failedLogin();
		}

		var rightPassword = new WebClient(port).logIn(email, Shoppers.PASSWORD);

		assertThat(rightPassword.status()).isEqualTo(429);
		assertThat(new WebClient(port).get("/customer/overview").status()).isEqualTo(302);
	}

	@Test
	void theFirstBlockMailsTheOwnerAResetLinkAndAResetEndsTheBlock() {
		for (int i = 0; i < 10; i++) {
			failedLogin();
		}

		var notice = TestMailServer.mailTo(email, "Someone tried to sign in to your account");
		var link = TestMailServer.linkIn(notice);
		var browser = new WebClient(port);
		browser.get(link);
		browser.post("/password/restore", java.util.Map.of("token", link.substring(link.indexOf('=') + 1), "password",
				"violet-lantern-orchard-3", "passwordConfirmation", "violet-lantern-orchard-3"));

		assertThat(new WebClient(port).logIn(email, "violet-lantern-orchard-3").location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void anUnknownAddressIsBlockedJustLikeAKnownOne() {
		var stranger = Shoppers.uniqueEmail();
		for (int i = 0; i < 9; i++) {
			new WebClient(port).logIn(stranger, "not-the-password-1");
		}

		assertThat(new WebClient(port).logIn(stranger, "not-the-password-1").status()).isEqualTo(429);
	}

}
