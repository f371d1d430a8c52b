/**
 * Bringing customers in from outside: the demo data of a new installation now, bulk CSV
 * imports later. Uses the public APIs of the feature modules; owns no customer tables.
 */
@ApplicationModule(displayName = "Importing", allowedDependencies = { "customer", "credentials", "shared" })
@NullMarked
package io.clientele.importing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
