package io.clientele.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which staff must sign in to the back office with an authenticator app (TOTP) besides
 * their password: {@code clientele.backoffice.mfa.admin} and
 * {@code clientele.backoffice.mfa.support}, each {@code required} or {@code optional}.
 *
 * @param admin admins: required by default (the bootstrap admin too)
 * @param support support staff: optional by default
 */
@ConfigurationProperties("clientele.backoffice.mfa")
public record StaffSecondFactorSettings(@DefaultValue("required") SecondFactorRequirement admin,
		@DefaultValue("optional") SecondFactorRequirement support) {

	/** What applies to staff of the role. */
	public SecondFactorRequirement of(StaffRole role) {
		return switch (role) {
			case ADMIN -> admin;
			case SUPPORT -> support;
		};
	}

}
