/**
 * Personal-data export: everything Clientele keeps about a customer, gathered from the
 * modules that own it, as the customer may ask for it (GDPR art. 15 and 20). Owns no
 * tables.
 */
@ApplicationModule(displayName = "Privacy",
		allowedDependencies = { "customer", "address", "orderhistory", "groups", "audit", "multifactor", "passkeys",
				"shared" })
@NullMarked
package io.clientele.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
