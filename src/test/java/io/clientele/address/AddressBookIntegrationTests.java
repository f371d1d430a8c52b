package io.clientele.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.shared.InvalidInput;
import io.clientele.support.Shoppers;

// customers come from the customer module, whose beans the address book itself does not call;
// staff's changes go to the audit trail
@ApplicationModuleTest(extraIncludes = { "customer", "audit" })
class AddressBookIntegrationTests {

	@Autowired
	AddressBook addresses;

	@Autowired
	CustomerManagement customers;

	CustomerId customer;

	static AddressData home() {
		return new AddressData("Mr", "Spencor", "Hopkin", "Julie-Wolfthorn-Straße", "1", null, "10115", "Berlin", "DE",
				null, "+49 30 1234561");
	}

	@BeforeEach
	void customer() {
		customer = customers
			.register(RegisterCustomer.fromStorefront("Mr", "Spencor", "Hopkin", Shoppers.uniqueEmail(), "en_US"))
			.id();
	}

	@Test
	void theFirstAddressBecomesDefaultBillingAndShipping() {
		var first = addresses.add(customer, home(), false, false);

		assertThat(first.defaultBilling()).isTrue();
		assertThat(first.defaultShipping()).isTrue();
		assertThat(first.countryName()).isEqualTo("Germany");
	}

	@Test
	void aLaterAddressBecomesADefaultOnlyWhenAskedAndTakesItOver() {
		var first = addresses.add(customer, home(), false, false);

		var second = addresses.add(customer, home(), true, false);

		assertThat(second.defaultBilling()).isTrue();
		assertThat(second.defaultShipping()).isFalse();
		assertThat(addresses.find(customer, first.id()).defaultBilling()).isFalse();
		assertThat(addresses.find(customer, first.id()).defaultShipping()).isTrue();
	}

	@Test
	void sayingNotDefaultNeverTakesADefaultAway() {
		var first = addresses.add(customer, home(), false, false);

		var changed = addresses.change(customer, first.id(),
				new AddressData(null, null, null, null, null, null, null, "Hamburg", null, null, null), false, false);

		assertThat(changed.city()).isEqualTo("Hamburg");
		assertThat(changed.defaultBilling()).isTrue();
		assertThat(changed.defaultShipping()).isTrue();
	}

	@Test
	void deletingTheDefaultLeavesItEmptyUntilTheNextAddress() {
		var first = addresses.add(customer, home(), false, false);
		var second = addresses.add(customer, home(), false, false);

		addresses.remove(customer, first.id());

		assertThat(addresses.find(customer, second.id()).defaultBilling()).isFalse();
		var third = addresses.add(customer, home(), false, false);
		assertThat(third.defaultBilling()).isTrue();
	}

	@Test
	void anotherCustomersAddressIsNotFound() {
		var other = customers
			.register(RegisterCustomer.fromStorefront("Ms", "Sonia", "Wagner", Shoppers.uniqueEmail(), "de_DE"))
			.id();
		var theirs = addresses.add(other, home(), false, false);

		assertThatExceptionOfType(AddressNotFound.class).isThrownBy(() -> addresses.find(customer, theirs.id()));
		assertThatExceptionOfType(AddressNotFound.class).isThrownBy(() -> addresses.remove(customer, theirs.id()));
		assertThat(addresses.find(other, theirs.id())).isNotNull();
	}

	@Test
	void invalidAddressesAreRefusedWithEveryViolationAndNothingStored() {
		var bad = new AddressData("Sir", "", "Hopkin", "Street", "", null, "1".repeat(16), "Be", "XX", null, null);

		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> addresses.add(customer, bad, false, false))
			.satisfies(ex -> assertThat(ex.violations()).extracting(v -> v.field())
				.containsExactly("salutation", "firstName", "address2", "zipCode", "city", "iso2Code"));
		assertThat(addresses.list(customer)).isEmpty();
	}

}
