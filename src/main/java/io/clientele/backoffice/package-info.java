/**
 * The staff's pages under {@code /backoffice}: login, the customer list and customer
 * pages, importing and exporting customers, the e-mail queue. Holds no business rules;
 * its login is separate from the customers'.
 */
@ApplicationModule(displayName = "Back office",
		allowedDependencies = { "customer", "address", "orderhistory", "credentials", "authentication", "notes",
				"groups", "notification", "staff", "multifactor", "passkeys", "importing", "audit", "shared" })
@NullMarked
package io.clientele.backoffice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
