package io.clientele.shared;

import java.util.regex.Pattern;

/**
 * A customer's public identifier in Spryker's form: a prefix, {@code --} and a sequence
 * number, for example {@code DE--21}.
 */
public record CustomerReference(String value) {

	public static final int MAX_LENGTH = 255;

	private static final Pattern FORMAT = Pattern.compile("^[^\\s/?#]{0,240}?[0-9]{1,15}$");

	public CustomerReference {
		if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("A customer reference ends with a number, such as DE--21");
		}
	}

	public static CustomerReference of(String value) {
		return new CustomerReference(value);
	}

	/**
	 * The reference for the given sequence number, e.g. {@code DE} and 21 give
	 * {@code DE--21}.
	 */
	public static CustomerReference of(String prefix, long sequenceNumber) {
		return new CustomerReference(prefix + "--" + sequenceNumber);
	}

	@Override
	public String toString() {
		return value;
	}

}
