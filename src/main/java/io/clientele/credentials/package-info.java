/**
 * Passwords: the policy they must meet, their argon2id hashes, verification and sign-up.
 * No hash ever leaves this module; other modules ask it to set or verify a password.
 */
@ApplicationModule(displayName = "Credentials",
		allowedDependencies = { "customer", "multifactor", "notification", "audit", "shared" })
@NullMarked
package io.clientele.credentials;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
