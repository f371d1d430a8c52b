package io.clientele.customer;

import java.time.Instant;

import io.clientele.shared.CustomerReference;

/** Published when an account is created, in the same transaction. */
public record CustomerRegistered(CustomerId customerId, CustomerReference reference, Instant registeredAt) {
}
