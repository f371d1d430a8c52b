package io.clientele.customer;

/**
 * The account a customer reference names, as a bulk import needs it.
 *
 * @param anonymized whether the account was deleted: it keeps its reference, but nothing
 * may be added to it
 */
public record ReferencedCustomer(CustomerId id, boolean anonymized) {
}
