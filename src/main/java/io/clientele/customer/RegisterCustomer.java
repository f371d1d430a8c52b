package io.clientele.customer;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The data of a new account, as entered:
 * {@link CustomerManagement#check(RegisterCustomer)} reports what is wrong with it field
 * by field ({@code salutation}, {@code firstName}, {@code lastName}, {@code email},
 * {@code gender}, {@code phone}, {@code company}, {@code locale}).
 *
 * @param locale {@code en_US} or {@code de_DE}
 * @param confirmed whether the e-mail address is already confirmed (imports, demo data)
 */
public record RegisterCustomer(String salutation, String firstName, String lastName, String email,
		@Nullable String gender, @Nullable LocalDate dateOfBirth, @Nullable String phone, @Nullable String company,
		String locale, boolean confirmed) {

	/**
	 * A shopper registering in the storefront: the fields of the registration form,
	 * unconfirmed.
	 */
	public static RegisterCustomer fromStorefront(String salutation, String firstName, String lastName, String email,
			String locale) {
		return new RegisterCustomer(salutation, firstName, lastName, email, null, null, null, null, locale, false);
	}

}
