/**
 * Bringing customers in from outside: the demo data of a new installation, and bulk CSV
 * imports of customers, their addresses and customer groups. Uses the public APIs of the
 * feature modules; owns no customer tables.
 */
@ApplicationModule(displayName = "Importing",
		allowedDependencies = { "customer", "address", "groups", "credentials", "audit", "shared" })
@NullMarked
package io.clientele.importing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
