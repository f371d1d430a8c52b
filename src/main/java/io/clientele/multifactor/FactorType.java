package io.clientele.multifactor;

import java.util.Locale;
import java.util.Optional;

/** The second factors Clientele offers, by their Glue type names. */
public enum FactorType {

	/** A six-digit code mailed to the owner's address (Spryker's shipped method). */
	EMAIL("email"),

	/** A six-digit code from an authenticator app (TOTP, RFC 6238). */
	TOTP("totp");

	private final String glueName;

	FactorType(String glueName) {
		this.glueName = glueName;
	}

	/** The name in the Glue API and in the database. */
	public String glueName() {
		return glueName;
	}

	/** The type of a Glue name, case-insensitive; empty for an unknown one. */
	public static Optional<FactorType> ofGlueName(String name) {
		var lower = name.trim().toLowerCase(Locale.ROOT);
		for (var each : values()) {
			if (each.glueName.equals(lower)) {
				return Optional.of(each);
			}
		}
		return Optional.empty();
	}

}
