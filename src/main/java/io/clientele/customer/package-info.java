/**
 * Customer accounts: registration data, profile, preferred locale and confirmation. Other
 * modules refer to customers by {@link io.clientele.customer.CustomerId} only; passwords
 * live in credentials, not here.
 */
@ApplicationModule(displayName = "Customer", allowedDependencies = { "audit", "shared" })
@NullMarked
package io.clientele.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
