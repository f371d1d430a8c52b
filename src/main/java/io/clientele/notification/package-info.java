/**
 * Every e-mail to customers: one method per mail in
 * {@link io.clientele.notification.CustomerMails}, HTML and text templates per language,
 * and the transactional outbox with its dispatcher. Knows addresses and languages, not
 * customers.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = { "audit", "shared" })
@NullMarked
package io.clientele.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
