package io.clientele.multifactor;

import java.time.Duration;

/** What asking for a code (Spryker's {@code multi-factor-auth-trigger}) came to. */
public sealed interface CodeDelivery {

	/** A code went to the owner's address. */
	record Sent(Duration validity) implements CodeDelivery {
	}

	/** Nothing to send: the app computes its own codes. */
	record NothingToSend() implements CodeDelivery {
	}

	/** The method is not on (Spryker's 5906). */
	record NotEnabled() implements CodeDelivery {
	}

	/** A code was mailed less than the least interval ago. */
	record TooSoon(Duration retryAfter) implements CodeDelivery {
	}

	/** The second step is locked after too many wrong codes. */
	record Locked(Duration remaining) implements CodeDelivery {
	}

}
