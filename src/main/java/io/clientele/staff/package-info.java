/**
 * Back-office staff accounts and their roles, separate from customers: creation,
 * deactivation, the rule that an active admin always remains, the staff login, and the
 * bootstrap admin of a new installation. Staff passwords are kept by credentials.
 */
@ApplicationModule(displayName = "Staff", allowedDependencies = { "credentials", "authentication", "audit", "shared" })
@NullMarked
package io.clientele.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
