package io.clientele.storefront;

import io.clientele.credentials.TokenCheck;

/** Why a link from an e-mail did not work, as the page explains it. */
enum LinkProblem {

	EXPIRED, USED, UNKNOWN;

	static LinkProblem of(TokenCheck check) {
		return switch (check) {
			case TokenCheck.Expired expired -> EXPIRED;
			case TokenCheck.Used used -> USED;
			default -> UNKNOWN;
		};
	}

	/** The message key of the explanation, e.g. {@code link.expired}. */
	String messageKey() {
		return "link." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
