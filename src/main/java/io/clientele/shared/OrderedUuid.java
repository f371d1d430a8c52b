package io.clientele.shared;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562): a millisecond timestamp, then random bits. Rows inserted by
 * the hundred thousand with such ids land at the end of their primary key's index instead
 * of all over it, which keeps the pages written (and the write-ahead log) small. Not for
 * secrets: the random part is not from a CSPRNG.
 */
public final class OrderedUuid {

	private OrderedUuid() {
	}

	public static UUID next() {
		var random = ThreadLocalRandom.current();
		var mostSignificant = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
		var leastSignificant = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
