/**
 * Back-office staff accounts and their roles, separate from customers: creation,
 * deactivation, the rule that an active admin always remains, the staff login, the
 * bootstrap admin of a new installation, and which staff must have an authenticator app.
 * Staff passwords are kept by credentials, their second factors by multifactor.
 */
@ApplicationModule(displayName = "Staff",
		allowedDependencies = { "credentials", "authentication", "multifactor", "notification", "audit", "shared" })
@NullMarked
package io.clientele.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
