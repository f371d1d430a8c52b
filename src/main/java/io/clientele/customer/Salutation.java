package io.clientele.customer;

import java.util.Arrays;
import java.util.Optional;

/** Salutations as Spryker sends them on the wire. */
public enum Salutation {

	Mr, Mrs, Ms, Dr;

	public static Optional<Salutation> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
	}

}
