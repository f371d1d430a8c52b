package io.clientele.customer;

import java.util.List;

/**
 * One page of a customer search, and how many customers match in all; beyond
 * {@link #COUNT_LIMIT} matches the total is not counted ({@code capped}): staff narrow
 * the search instead.
 */
public record CustomerSearch(List<CustomerDetails> customers, long total, boolean capped, int offset, int limit) {

	/** Up to how many matches are counted. */
	public static final int COUNT_LIMIT = 10_000;

}
