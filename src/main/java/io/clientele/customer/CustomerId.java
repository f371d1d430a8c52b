package io.clientele.customer;

import java.util.UUID;

/**
 * The internal identity of a customer; never shown to shoppers (they see the reference).
 */
public record CustomerId(UUID value) {

	/** Also lets Spring MVC convert path variables and CSV cells. */
	public static CustomerId of(String value) {
		return new CustomerId(UUID.fromString(value));
	}

	static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
