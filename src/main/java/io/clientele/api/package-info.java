/**
 * The REST API under {@code /api}, wire-compatible with Spryker's Glue storefront API for
 * customers (JSON:API documents, Glue error codes), with RS256 access tokens any app can
 * verify through {@code /.well-known/jwks.json} and rotating refresh tokens. Holds no
 * business rules.
 */
@ApplicationModule(displayName = "API",
		allowedDependencies = { "customer", "address", "orderhistory", "credentials", "authentication", "multifactor",
				"shared" })
@NullMarked
package io.clientele.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
