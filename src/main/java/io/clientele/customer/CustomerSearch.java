package io.clientele.customer;

import java.util.List;

/**
 * One page of a customer search, and how many customers match in all; beyond
 * {@link #COUNT_LIMIT} matches the total is not counted ({@code capped}): staff narrow
 * the search or sort instead (as GitHub's search shows the first 1,000 results). Counting
 * further would read every match, and a search of a few letters matches thousands among
 * millions.
 */
public record CustomerSearch(List<CustomerDetails> customers, long total, boolean capped, int offset, int limit) {

	/** Up to how many matches are counted. */
	public static final int COUNT_LIMIT = 1_000;

}
