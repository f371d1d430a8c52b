package io.clientele.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.mkammerer.argon2.Argon2Factory;
import io.clientele.credentials.SignUp;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * With non-compliant passwords set to require-change, the account is closed until it is
 * changed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "clientele.credentials.password-policy.non-compliant=require-change")
class StorefrontRequiredPasswordChangeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOutdatedPasswordMustBeChangedBeforeAnythingElse() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var hash = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id).hash(2, 19456, 1, "sunshine".toCharArray());
		jdbc.sql("update credentials_password set hash = ? where owner_id = ?")
			.params(hash, customer.id().value())
			.update();
		var browser = new WebClient(port);

		var profile = browser.follow(browser.logIn(email, "sunshine"));
		var overview = browser.get("/customer/overview");

		assertThat(profile.body()).contains("Your password no longer meets our password rules.")
			.doesNotContain("id=\"postpone\"");
		assertThat(overview.location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/profile?password-outdated"));
	}

}
