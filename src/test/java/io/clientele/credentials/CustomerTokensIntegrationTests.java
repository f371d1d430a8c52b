package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.customer.CustomerId;
import io.clientele.support.Accounts;
import io.clientele.support.MutableClock;
import io.clientele.support.Shoppers;

/** E-mailed tokens on the real database, with a clock the test moves. */
@SpringBootTest
class CustomerTokensIntegrationTests {

	static final Duration HOUR = Duration.ofMinutes(60);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignUp signUp;

	MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	CustomerTokens tokens;

	CustomerId customer;

	@BeforeEach
	void setUp() {
		tokens = new CustomerTokens(jdbc, clock);
		customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail()).id();
	}

	@Test
	void aTokenHas256RandomBitsAndIsStoredOnlyAsItsSha256() {
		var token = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, HOUR);

		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(jdbc.sql("select count(*) from credentials_token where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select token_hash from credentials_token where customer_id = ?")
			.param(customer.value())
			.query(String.class)
			.single()).matches("[0-9a-f]{64}");
	}

	@Test
	void aTokenWorksOnce() {
		var token = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, HOUR);

		assertThat(tokens.use(token, TokenPurpose.PASSWORD_RESET)).isEqualTo(new TokenCheck.Valid(customer));
		assertThat(tokens.use(token, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Used.class);
	}

	@Test
	void aTokenWorksUntilItsLastSecondAndNotAtItsExpiry() {
		var token = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, HOUR);

		clock.advance(HOUR.minusSeconds(1));
		assertThat(tokens.check(token, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Valid.class);
		clock.advance(Duration.ofSeconds(1));
		assertThat(tokens.check(token, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Expired.class);
		assertThat(tokens.use(token, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Expired.class);
	}

	@Test
	void aNewerTokenVoidsTheEarlierOneOfTheSamePurposeOnly() {
		var first = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, HOUR);
		var confirmation = tokens.issue(customer, TokenPurpose.REGISTRATION_CONFIRMATION, HOUR);

		var second = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, HOUR);

		assertThat(tokens.check(first, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Unknown.class);
		assertThat(tokens.check(second, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Valid.class);
		assertThat(tokens.check(confirmation, TokenPurpose.REGISTRATION_CONFIRMATION))
			.isInstanceOf(TokenCheck.Valid.class);
	}

	@Test
	void aPasswordChangeVoidsEveryToken() {
		var reset = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, HOUR);
		var confirmation = tokens.issue(customer, TokenPurpose.REGISTRATION_CONFIRMATION, HOUR);

		tokens.voidAll(customer);

		assertThat(tokens.check(reset, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Unknown.class);
		assertThat(tokens.check(confirmation, TokenPurpose.REGISTRATION_CONFIRMATION))
			.isInstanceOf(TokenCheck.Unknown.class);
	}

	@Test
	void malformedTruncatedOrForeignPurposeTokensAreUnknown() {
		var token = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, HOUR);

		assertThat(tokens.use(token.substring(0, 42), TokenPurpose.PASSWORD_RESET))
			.isInstanceOf(TokenCheck.Unknown.class);
		assertThat(tokens.use(token + "A", TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Unknown.class);
		assertThat(tokens.use("'; drop table customer; --", TokenPurpose.PASSWORD_RESET))
			.isInstanceOf(TokenCheck.Unknown.class);
		assertThat(tokens.use(token, TokenPurpose.REGISTRATION_CONFIRMATION)).isInstanceOf(TokenCheck.Unknown.class);
		assertThat(tokens.use(token, TokenPurpose.PASSWORD_RESET)).isInstanceOf(TokenCheck.Valid.class);
	}

}
