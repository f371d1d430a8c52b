package io.clientele.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for shoppers: unique addresses, so tests sharing one database never collide.
 */
public final class Shoppers {

	public static final String PASSWORD = "blue-kettle-harbour-7";

	private Shoppers() {
	}

	public static String uniqueEmail() {
		return "shopper-" + UUID.randomUUID().toString().substring(0, 13) + "@example.com";
	}

	/** A complete, valid registration form for the address. */
	public static Map<String, String> registrationForm(String email) {
		var form = new LinkedHashMap<String, String>();
		form.put("salutation", "Ms");
		form.put("firstName", "Ann");
		form.put("lastName", "Lee");
		form.put("email", email);
		form.put("password", PASSWORD);
		form.put("passwordConfirmation", PASSWORD);
		form.put("acceptTerms", "true");
		return form;
	}

	public static Map<String, String> registrationForm(String email, String field, String value) {
		var form = registrationForm(email);
		form.put(field, value);
		return form;
	}

}
