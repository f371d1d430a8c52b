package io.clientele.importing;

import java.util.List;

/** The wording of row errors that several imports share. */
final class Reasons {

	/** How many values a reason names before it counts the rest. */
	static final int NAMED = 5;

	private Reasons() {
	}

	/** A value from the file in quotes, cut after 40 characters. */
	static String quoted(String value) {
		return "\"" + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "\"";
	}

	/** {@code A, B, C, D, E and 7 more}. */
	static String listed(List<String> values) {
		var named = String.join(", ", values.subList(0, Math.min(NAMED, values.size())));
		return values.size() <= NAMED ? named : named + " and " + (values.size() - NAMED) + " more";
	}

	static String notAReference(String value) {
		return quoted(value) + " is not a customer reference: it must end with a number, such as DE--21";
	}

	static final String DELETED = "belongs to a deleted (anonymised) account";

}
