package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import io.clientele.support.Passwords;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;
import io.clientele.support.Shoppers;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
class SignUpIntegrationTests {

	@Autowired
	SignUp signUp;

	@Autowired
	PasswordManagement passwords;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PasswordRepository hashes;

	static RegisterCustomer shopper(String email) {
		return RegisterCustomer.fromStorefront("Ms", "Lena", "Fischer", email, "de_DE");
	}

	@Test
	void signUpCreatesTheAccountWithAnArgon2idHashOfThePassword() {
		var email = Shoppers.uniqueEmail();

		var outcome = signUp.register(shopper(email), Shoppers.PASSWORD);

		assertThat(outcome).isInstanceOf(SignUpOutcome.Registered.class);
		var customer = ((SignUpOutcome.Registered) outcome).customer();
		assertThat(hashes.findHash(customer.id().value()))
			.hasValueSatisfying(hash -> assertThat(hash).startsWith("$argon2id$").doesNotContain(Shoppers.PASSWORD));
		assertThat(Passwords.verify(passwords, email, Shoppers.PASSWORD))
			.hasValueSatisfying(v -> assertThat(v.customer().id()).isEqualTo(customer.id()));
	}

	@Test
	void signUpWithATakenAddressChangesNothing() {
		var email = Shoppers.uniqueEmail();
		signUp.register(shopper(email), Shoppers.PASSWORD);

		var outcome = signUp.register(shopper(email.toUpperCase()), "another-password-99");

		assertThat(outcome).isInstanceOf(SignUpOutcome.AddressAlreadyRegistered.class);
		assertThat(Passwords.verify(passwords, email, Shoppers.PASSWORD)).isPresent();
		assertThat(Passwords.verify(passwords, email, "another-password-99")).isEmpty();
	}

	@Test
	void signUpReportsCustomerAndPasswordViolationsTogetherAndStoresNothing() {
		var email = Shoppers.uniqueEmail();

		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> signUp.register(RegisterCustomer.fromStorefront("Ms", "Lena:", "Fischer", email, "de_DE"),
					"short"))
			.satisfies(
					ex -> assertThat(ex.violations()).contains(Violation.of("firstName", "name.forbidden-characters"),
							Violation.of("password", "password.too-short", 15)));
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
	}

	@Test
	void verificationFailsForWrongPasswordUnknownAddressAndMalformedInput() {
		var email = Shoppers.uniqueEmail();
		signUp.register(shopper(email), Shoppers.PASSWORD);

		assertThat(Passwords.verify(passwords, email, "wrong-password-11")).isEmpty();
		assertThat(Passwords.verify(passwords, Shoppers.uniqueEmail(), Shoppers.PASSWORD)).isEmpty();
		assertThat(Passwords.verify(passwords, "not an address", Shoppers.PASSWORD)).isEmpty();
		assertThat(Passwords.verify(passwords, email, "x".repeat(10_000))).isEmpty();
	}

	@Test
	void anOutdatedHashIsReplacedAtTheNextSuccessfulVerification() {
		var email = Shoppers.uniqueEmail();
		var customer = ((SignUpOutcome.Registered) signUp.register(shopper(email), Shoppers.PASSWORD)).customer();
		var weaker = new PasswordHashing(CredentialsTestSettings.withArgon2(8192, 1)).hash(Shoppers.PASSWORD);
		hashes.store(customer.id().value(), weaker, java.time.Instant.now());

		assertThat(Passwords.verify(passwords, email, Shoppers.PASSWORD)).isPresent();

		assertThat(hashes.findHash(customer.id().value()))
			.hasValueSatisfying(hash -> assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
	}

}
