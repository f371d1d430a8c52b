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

	/**
	 * A client address of its own in 127.0.0.0/8 (all loopback on Linux), so that
	 * counters per client address start at zero while every other test comes from
	 * 127.0.0.1.
	 */
	public static java.net.InetAddress uniqueClientAddress() {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		try {
			return java.net.InetAddress.getByAddress(new byte[] { 127, (byte) random.nextInt(1, 255),
					(byte) random.nextInt(0, 256), (byte) random.nextInt(1, 255) });
		}
		catch (java.net.UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
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
