package io.clientele.support;

import io.clientele.credentials.SignUp;
import io.clientele.credentials.SignUpOutcome;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.RegisterCustomer;

/** Confirmed customers made directly, for tests whose subject is not registration. */
public final class Accounts {

	private static final java.util.Map<String, io.clientele.customer.CustomerId> IDS = new java.util.concurrent.ConcurrentHashMap<>();

	private Accounts() {
	}

	/** The id of a customer made here. */
	public static io.clientele.customer.CustomerId idOf(String email) {
		return IDS.get(email);
	}

	public static CustomerDetails confirmedCustomer(SignUp signUp, String email) {
		return confirmedCustomer(signUp, email, "en_US");
	}

	public static CustomerDetails confirmedCustomer(SignUp signUp, String email, String locale) {
		var data = new RegisterCustomer("Ms", "Ann", "Lee", email, null, null, null, null, locale, true);
		var customer = ((SignUpOutcome.Registered) signUp.register(data, Shoppers.PASSWORD)).customer();
		IDS.put(email, customer.id());
		return customer;
	}

}
