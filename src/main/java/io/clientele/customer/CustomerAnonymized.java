package io.clientele.customer;

import java.time.Instant;

/**
 * An account was closed: its personal data is gone and it can never log in again.
 * Published in the transaction of the change; every module removes or anonymises its own
 * data of the customer.
 */
public record CustomerAnonymized(CustomerId customerId, Instant anonymizedAt) {
}
