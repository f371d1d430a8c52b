/**
 * Customer groups (Spryker's customer groups, used e.g. for discount conditions): named
 * groups and their members. Owns no customer data beyond the customers' ids.
 */
@ApplicationModule(displayName = "Groups", allowedDependencies = { "customer", "audit", "shared" })
@NullMarked
package io.clientele.groups;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
