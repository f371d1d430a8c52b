package io.clientele.customer;

/**
 * How many open accounts there are, how many have a login, are unconfirmed or blocked.
 */
public record CustomerStatistics(long customers, long registered, long unconfirmed, long blocked) {
}
