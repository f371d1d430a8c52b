/**
 * Customers' address books: addresses with Spryker's attributes and the default billing
 * and shipping address. Used by the API now, by the storefront and back office pages
 * later.
 */
@ApplicationModule(displayName = "Address", allowedDependencies = { "customer", "audit", "shared" })
@NullMarked
package io.clientele.address;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
