package io.clientele.customer;

import java.time.Instant;

/** Staff blocked the account's login: its sessions and tokens end. */
public record CustomerBlocked(CustomerId customerId, Instant blockedAt) {
}
