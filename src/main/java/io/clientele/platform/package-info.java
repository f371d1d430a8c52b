/**
 * What the service runs on: the embedded PostgreSQL used when no external database is
 * configured, and the security of the operations endpoints. No business rules.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
@NullMarked
package io.clientele.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
