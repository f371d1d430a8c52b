/**
 * The append-only audit trail: every staff action on a customer and every security event
 * of a customer, with time, actor and client address. Knows customers by id only; holds
 * no passwords or tokens.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
@NullMarked
package io.clientele.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
