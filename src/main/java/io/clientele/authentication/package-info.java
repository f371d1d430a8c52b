/**
 * Customer login: who the signed-in customer is and how a login is checked. Sessions are
 * stored in PostgreSQL (Spring Session JDBC) so that every node sees them and they can be
 * revoked. Pages and filter chains belong to the delivery modules.
 */
@ApplicationModule(displayName = "Authentication",
		allowedDependencies = { "customer", "credentials", "multifactor", "audit", "shared" })
@NullMarked
package io.clientele.authentication;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
