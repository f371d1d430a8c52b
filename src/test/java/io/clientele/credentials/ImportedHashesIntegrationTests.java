package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.authentication.CustomerLogin;
import io.clientele.authentication.LoginOutcome;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;

/**
 * A customer whose hash another system made logs in with the old password; the hash is
 * then Clientele's argon2id.
 */
@SpringBootTest
class ImportedHashesIntegrationTests {

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerLogin login;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerWithAPhpBcryptHashLogsInWithTheOldPasswordAndGetsAnArgon2idHash() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		// as an import of Spryker's customer.csv stores it
		jdbc.sql("update credentials_password set hash = ? where owner_id = ?")
			.params("$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a", customer.id().value())
			.update();

		assertThat(login.attempt(email, "wrong-password-entirely", LoginAttempt.unknownClient(),
				io.clientele.multifactor.SecondFactorProof.none()))
			.isInstanceOf(LoginOutcome.Failed.class);
		assertThat(hash(customer)).as("a failure changes nothing").startsWith("$2y$");

		assertThat(login.attempt(email, "rasmuslerdorf", LoginAttempt.unknownClient(),
				io.clientele.multifactor.SecondFactorProof.none()))
			.isInstanceOf(LoginOutcome.Succeeded.class);
		assertThat(hash(customer)).as("replaced at the first login").startsWith("$argon2id$");
		assertThat(login.attempt(email, "rasmuslerdorf", LoginAttempt.unknownClient(),
				io.clientele.multifactor.SecondFactorProof.none()))
			.as("and it keeps working")
			.isInstanceOf(LoginOutcome.Succeeded.class);
	}

	@Autowired
	PasswordManagement passwords;

	@Test
	void aStolenDatabaseHoldsNoReplacedImportedHashToCrackWhenThePolicyKeepsNoHistory() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		jdbc.sql("update credentials_password set hash = ?, imported = true where owner_id = ?")
			.params("$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a", customer.id().value())
			.update();

		assertThat(login.attempt(email, "rasmuslerdorf", LoginAttempt.unknownClient(),
				io.clientele.multifactor.SecondFactorProof.none()))
			.isInstanceOf(LoginOutcome.Succeeded.class);

		assertThat(hash(customer)).startsWith("$argon2id$");
		assertThat(history(customer)).as("the bcrypt hash is gone, not kept as an earlier password").isEmpty();

		passwords.changePassword(customer.id(), "rasmuslerdorf", "violet-lantern-orchard-5",
				LoginAttempt.unknownClient(), io.clientele.multifactor.SecondFactorProof.none());

		assertThat(history(customer)).as("history-size 0: no earlier hash is kept at all").isEmpty();
	}

	private java.util.List<String> history(io.clientele.customer.CustomerDetails customer) {
		return jdbc.sql("select hash from credentials_password_history where owner_id = ?")
			.param(customer.id().value())
			.query(String.class)
			.list();
	}

	private String hash(io.clientele.customer.CustomerDetails customer) {
		return jdbc.sql("select hash from credentials_password where owner_id = ?")
			.param(customer.id().value())
			.query(String.class)
			.single();
	}

}
