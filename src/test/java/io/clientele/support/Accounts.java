package io.clientele.support;

import io.clientele.credentials.SignUp;
import io.clientele.credentials.SignUpOutcome;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.RegisterCustomer;

/** Confirmed customers made directly, for tests whose subject is not registration. */
public final class Accounts {

	private Accounts() {
	}

	public static CustomerDetails confirmedCustomer(SignUp signUp, String email) {
		return confirmedCustomer(signUp, email, "en_US");
	}

	public static CustomerDetails confirmedCustomer(SignUp signUp, String email, String locale) {
		var data = new RegisterCustomer("Ms", "Ann", "Lee", email, null, null, null, null, locale, true);
		return ((SignUpOutcome.Registered) signUp.register(data, Shoppers.PASSWORD)).customer();
	}

}
