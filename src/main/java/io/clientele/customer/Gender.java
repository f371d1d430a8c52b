package io.clientele.customer;

import java.util.Arrays;
import java.util.Optional;

/** Genders as Spryker sends them on the wire; a customer may leave it open. */
public enum Gender {

	Male, Female;

	public static Optional<Gender> parse(String value) {
		return Arrays.stream(values()).filter(g -> g.name().equals(value)).findFirst();
	}

}
