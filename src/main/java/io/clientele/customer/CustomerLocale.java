package io.clientele.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a customer can choose for pages and e-mails, in Spryker's locale names.
 */
public enum CustomerLocale {

	EN_US("en_US", Locale.US), DE_DE("de_DE", Locale.GERMANY);

	private final String code;

	private final Locale locale;

	CustomerLocale(String code, Locale locale) {
		this.code = code;
		this.locale = locale;
	}

	public String code() {
		return code;
	}

	public Locale locale() {
		return locale;
	}

	public static Optional<CustomerLocale> parse(String code) {
		return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
	}

	/**
	 * The supported locale closest to the given one (German for any German, else
	 * English).
	 */
	public static CustomerLocale closestTo(Locale requested) {
		return "de".equals(requested.getLanguage()) ? DE_DE : EN_US;
	}

}
