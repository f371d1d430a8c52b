/**
 * Order history: read-only summaries of the shop's orders per customer, written by the
 * shop's checkout through the API (and by imports later). Owns no order processing.
 */
@ApplicationModule(displayName = "Order history", allowedDependencies = { "customer", "shared" })
@NullMarked
package io.clientele.orderhistory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
