package io.clientele.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as the person entered it (trimmed). Two addresses that differ only in
 * case belong to the same person, see {@link #sameAs(EmailAddress)}.
 */
public record EmailAddress(String value) {

	/** Spryker's business limit for the e-mail column. */
	public static final int MAX_LENGTH = 100;

	// Local part of printable ASCII atoms separated by single dots, a domain of at least
	// two
	// labels: what shops' mail servers accept in practice.
	private static final Pattern FORMAT = Pattern
		.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	public EmailAddress {
		value = value.strip();
		var problem = problemWith(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
	}

	public static EmailAddress of(String value) {
		return new EmailAddress(value);
	}

	/**
	 * The message key of what is wrong with a candidate address ({@code email.required},
	 * {@code email.too-long}, {@code email.invalid}), or empty when it is a valid
	 * address.
	 */
	public static Optional<String> problemWith(String candidate) {
		var value = candidate.strip();
		if (value.isEmpty()) {
			return Optional.of("email.required");
		}
		if (value.length() > MAX_LENGTH) {
			return Optional.of("email.too-long");
		}
		if (!FORMAT.matcher(value).matches()) {
			return Optional.of("email.invalid");
		}
		return Optional.empty();
	}

	/** The form used for look-ups and uniqueness: lower case. */
	public String normalized() {
		return value.toLowerCase(Locale.ROOT);
	}

	public String localPart() {
		return value.substring(0, value.lastIndexOf('@'));
	}

	public boolean sameAs(EmailAddress other) {
		return normalized().equals(other.normalized());
	}

	@Override
	public String toString() {
		// Addresses are personal data: keep them out of logs that print objects.
		return "EmailAddress[***]";
	}

}
