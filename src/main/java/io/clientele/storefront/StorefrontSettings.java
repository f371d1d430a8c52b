package io.clientele.storefront;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.clientele.shared.ConfigurationProblem;

/**
 * @param sessionMaxLifetime the absolute lifetime of a shopper's session, remembered
 * ("remember me", kept 30 days without a visit) or not: it ends this long after the login
 * however often it is used
 */
@ConfigurationProperties("clientele.storefront")
public record StorefrontSettings(@DefaultValue("30d") Duration sessionMaxLifetime) {

	public StorefrontSettings {
		if (sessionMaxLifetime.isNegative() || sessionMaxLifetime.isZero()) {
			throw new ConfigurationProblem("clientele.storefront.session-max-lifetime is " + sessionMaxLifetime + ".",
					"Give a positive duration such as 30d.");
		}
	}

}
