/**
 * Customers' passkeys (WebAuthn): adding, naming and removing them, and signing in with
 * one instead of a password. Verification is webauthn4j's; credentials and challenges
 * live in PostgreSQL. Pages belong to the storefront.
 */
@ApplicationModule(displayName = "Passkeys",
		allowedDependencies = { "customer", "authentication", "notification", "audit", "shared" })
@NullMarked
package io.clientele.passkeys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
