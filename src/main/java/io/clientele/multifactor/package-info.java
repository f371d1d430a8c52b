/**
 * Second factors of customers and staff: e-mail codes (Spryker's shipped method) and
 * authenticator apps (TOTP, RFC 6238), recovery codes, the grace period after a correct
 * code and the count of wrong codes, all in PostgreSQL so that every node sees them.
 * {@link io.clientele.multifactor.SecondFactors} is the whole API; the features whose
 * actions are protected (login, password and e-mail change, account deletion) call it
 * inside their own facades.
 */
@ApplicationModule(displayName = "Multi-factor authentication",
		allowedDependencies = { "customer", "notification", "audit", "shared" })
@NullMarked
package io.clientele.multifactor;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
