package io.clientele.staff;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first back-office admin, created when there is no staff account yet.
 *
 * @param email the admin's login
 * @param password the admin's password; when absent, one is generated and printed once to
 * the console
 */
@ConfigurationProperties("clientele.bootstrap-admin")
public record BootstrapAdminSettings(@DefaultValue("admin@clientele.local") String email, @Nullable String password) {
}
