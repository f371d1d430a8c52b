package io.clientele.storefront;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.clientele.shared.ConfigurationProblem;

/**
 * @param sessionMaxLifetime the absolute lifetime of a shopper's session, remembered
 * ("remember me", kept 30 days without a visit) or not: it ends this long after the login
 * however often it is used
 * @param secondStepLifetime how long after the password the code step of a login with a
 * second factor may be finished; then the password must be entered again
 */
@ConfigurationProperties("clientele.storefront")
public record StorefrontSettings(@DefaultValue("30d") Duration sessionMaxLifetime,
		@DefaultValue("10m") Duration secondStepLifetime) {

	public StorefrontSettings {
		if (sessionMaxLifetime.isNegative() || sessionMaxLifetime.isZero()) {
			throw new ConfigurationProblem("clientele.storefront.session-max-lifetime is " + sessionMaxLifetime + ".",
					"Give a positive duration such as 30d.");
		}
		if (secondStepLifetime.isNegative() || secondStepLifetime.isZero()) {
			throw new ConfigurationProblem("clientele.storefront.second-step-lifetime is " + secondStepLifetime + ".",
					"Give a positive duration such as 10m.");
		}
	}

}
