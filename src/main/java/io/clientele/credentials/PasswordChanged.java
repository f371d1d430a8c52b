package io.clientele.credentials;

import java.time.Instant;

import io.clientele.customer.CustomerId;

/**
 * A customer's password was changed ({@code reset} false) or reset through an e-mailed
 * link ({@code reset} true). Published in the transaction of the change.
 */
public record PasswordChanged(CustomerId customerId, Instant changedAt, boolean reset) {
}
