package io.clientele.api;

import io.clientele.customer.CustomerId;

/** The customer an access token speaks for. */
record ApiCustomer(CustomerId id, String reference) implements TokenHolder {
}
