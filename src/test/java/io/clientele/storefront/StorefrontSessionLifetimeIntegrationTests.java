package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

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
import io.clientele.support.WebClient;

/**
 * A remembered login lasts 30 days without a visit, but no visit keeps it longer than its
 * absolute lifetime (30 days after the login): a stolen session cookie that is used every
 * day still ends. The application's clock is the system's, so the test moves the
 * session's start back in PostgreSQL, as 30 days of daily use would leave it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StorefrontSessionLifetimeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	String email;

	String customerId;

	@BeforeEach
	void setUp() {
		email = Shoppers.uniqueEmail();
		customerId = Accounts.confirmedCustomer(signUp, email).id().value().toString();
	}

	@Test
	void aRememberedSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsUsed() {
		var browser = new WebClient(port);
		browser.get("/login");
		browser.post("/login", Map.of("email", email, "password", Shoppers.PASSWORD, "remember-me", "true"));
		assertThat(browser.get("/customer/overview").status()).isEqualTo(200);

		startedAgo(Duration.ofDays(30).minusMinutes(1));
		var aMinuteBefore = browser.get("/customer/overview");
		startedAgo(Duration.ofDays(30));
		var atTheLifetime = browser.get("/customer/overview");

		assertThat(aMinuteBefore.status()).as("used daily, a minute before its end").isEqualTo(200);
		assertThat(atTheLifetime.status()).isEqualTo(302);
		assertThat(atTheLifetime.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(jdbc.sql("select count(*) from authentication_session where principal_name = ?")
			.param(customerId)
			.query(Long.class)
			.single()).as("the session is gone, not only refused").isZero();
	}

	/** The customer's session began that long ago, and was used just now. */
	void startedAgo(Duration age) {
		var now = System.currentTimeMillis();
		var updated = jdbc
			.sql("update authentication_session set creation_time = ?, last_access_time = ? where principal_name = ?")
			.params(now - age.toMillis(), now, customerId)
			.update();
		assertThat(updated).isEqualTo(1);
	}

}
