package io.clientele.credentials;

import io.clientele.customer.CustomerId;

/** What a token from a link turned out to be. */
public sealed interface TokenCheck {

	/** Good for one use, by this customer. */
	record Valid(CustomerId customer) implements TokenCheck {
	}

	/** Was good, but its time ran out. */
	record Expired() implements TokenCheck {
	}

	/** Was used already. */
	record Used() implements TokenCheck {
	}

	/** Never issued, voided by a newer one or by a password change, or mistyped. */
	record Unknown() implements TokenCheck {
	}

}
