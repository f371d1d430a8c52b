/**
 * The shoppers' pages, server-rendered in English and German on Spryker's paths:
 * registration, login and logout, and the account area under {@code /customer/**}. Holds
 * no business rules; it presents credentials, customer and authentication.
 */
@ApplicationModule(displayName = "Storefront",
		allowedDependencies = { "customer", "address", "orderhistory", "credentials", "authentication", "privacy",
				"multifactor", "passkeys", "shared" })
@NullMarked
package io.clientele.storefront;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
