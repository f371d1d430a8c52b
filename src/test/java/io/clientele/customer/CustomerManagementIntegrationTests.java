package io.clientele.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;
import io.clientele.support.Shoppers;

// staff actions are on the audit trail, whose bean the customer module calls
@ApplicationModuleTest(extraIncludes = "audit")
class CustomerManagementIntegrationTests {

	@Autowired
	CustomerManagement customers;

	static RegisterCustomer shopper(String email) {
		return RegisterCustomer.fromStorefront("Mr", "Karl", "Schmidt", email, "de_DE");
	}

	@Test
	void registrationGivesConsecutiveSprykerReferences() {
		var first = customers.register(shopper(Shoppers.uniqueEmail()));
		var second = customers.register(shopper(Shoppers.uniqueEmail()));

		assertThat(first.reference().value()).matches("DE--\\d+");
		assertThat(number(second.reference().value())).isEqualTo(number(first.reference().value()) + 1);
	}

	@Test
	void storesTheAddressAsEnteredAndFindsItInAnyCase() {
		var entered = "Karl.Schmidt+" + Shoppers.uniqueEmail();

		customers.register(shopper(entered));

		var found = customers.findByEmail(EmailAddress.of(entered.toLowerCase())).orElseThrow();
		assertThat(found.email().value()).isEqualTo(entered);
		assertThat(found.locale()).isEqualTo(CustomerLocale.DE_DE);
		assertThat(found.version()).isZero();
		assertThat(found.createdAt()).isEqualTo(found.updatedAt());
	}

	@Test
	void anAddressHasOneAccountRegardlessOfCase() {
		var email = Shoppers.uniqueEmail();
		customers.register(shopper(email));

		assertThatExceptionOfType(EmailAlreadyRegistered.class)
			.isThrownBy(() -> customers.register(shopper(email.toUpperCase())));
	}

	@Test
	void invalidDataIsRejectedWithEveryViolationAndNothingIsStored() {
		var email = Shoppers.uniqueEmail();
		var data = RegisterCustomer.fromStorefront("Sir", "<b>", "", email, "en_US");

		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> customers.register(data))
			.satisfies(ex -> assertThat(ex.violations()).hasSize(3));
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
	}

	@Test
	void registrationPublishesCustomerRegistered(Scenario scenario) {
		var email = Shoppers.uniqueEmail();

		scenario.stimulate(() -> customers.register(shopper(email)))
			.andWaitForEventOfType(CustomerRegistered.class)
			.toArriveAndVerify(event -> assertThat(event.customerId())
				.isEqualTo(customers.findByEmail(EmailAddress.of(email)).orElseThrow().id()));
	}

	private static long number(String reference) {
		return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
	}

}
