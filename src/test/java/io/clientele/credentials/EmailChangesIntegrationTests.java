package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;

/** Confirming a new address, on the real database. */
@SpringBootTest
class EmailChangesIntegrationTests {

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerTokens tokens;

	@Autowired
	EmailChanges emailChanges;

	@Test
	void aConfirmedNewAddressVoidsTheLinksMailedToTheOldOne() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail()).id();
		var reset = tokens.issue(customer, TokenPurpose.PASSWORD_RESET, Duration.ofHours(1));
		var change = tokens.issueEmailChange(customer, Shoppers.uniqueEmail(), Duration.ofMinutes(30));

		assertThat(emailChanges.confirm(change)).isInstanceOf(EmailChanges.ConfirmOutcome.Changed.class);

		assertThat(tokens.check(reset, TokenPurpose.PASSWORD_RESET)).isNotInstanceOf(TokenCheck.Valid.class);
	}

}
