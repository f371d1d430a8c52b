/**
 * Back-office notes on customers (Spryker's customer notes): append-only, each with its
 * author and time. Owns no customer data beyond the customer's id.
 */
@ApplicationModule(displayName = "Notes", allowedDependencies = { "customer", "audit", "shared" })
@NullMarked
package io.clientele.notes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
