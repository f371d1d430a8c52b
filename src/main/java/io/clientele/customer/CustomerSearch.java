package io.clientele.customer;

import java.util.List;

/** One page of a customer search, and how many customers match in all. */
public record CustomerSearch(List<CustomerDetails> customers, long total, int offset, int limit) {
}
