package io.clientele.storefront;

import org.jspecify.annotations.Nullable;

import io.clientele.customer.RegisterCustomer;

/** The registration form as posted; missing fields arrive as null. */
record RegisterForm(@Nullable String salutation, @Nullable String firstName, @Nullable String lastName,
		@Nullable String email, @Nullable String password, @Nullable String passwordConfirmation,
		@Nullable Boolean acceptTerms) {

	static RegisterForm empty() {
		return new RegisterForm("", "", "", "", null, null, false);
	}

	RegisterCustomer toCommand(String locale) {
		return RegisterCustomer.fromStorefront(text(salutation), text(firstName), text(lastName), text(email), locale);
	}

	boolean termsAccepted() {
		return Boolean.TRUE.equals(acceptTerms);
	}

	String passwordText() {
		return text(password);
	}

	boolean passwordsMatch() {
		return text(password).equals(text(passwordConfirmation));
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

}
