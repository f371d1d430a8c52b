package io.clientele.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the REST API and its tokens.
 *
 * @param accessTokenLifetime how long an access token (JWT) is valid
 * @param refreshTokenLifetime how long a refresh token can be used
 * @param audience the {@code aud} claim of access tokens (Spryker's OAuth client id)
 * @param signingKey the RS256 private key (PKCS#8 PEM) that signs access tokens; when
 * absent, the key every node shares in the database (created by the first node, encrypted
 * with {@code clientele.encryption-key}). Give it through the environment
 * ({@code CLIENTELE_API_SIGNING_KEY}).
 * @param additionalPublicKeys further public keys (PEM) published in the JWKS, e.g. the
 * previous signing key during a rotation
 * @param backofficeClients each back-office client's id and the SHA-256 (hex) of its
 * secret
 * @param refreshTokenMaxLifetime the absolute lifetime of a refresh-token family: however
 * often its tokens rotate, none is valid longer than this after the login that began it
 * @param backofficeAudience the {@code aud} claim of back-office client tokens; customer
 * tokens carry {@code audience}, and neither is accepted in place of the other
 */
@ConfigurationProperties("clientele.api")
public record ApiSettings(@DefaultValue("8h") Duration accessTokenLifetime,
		@DefaultValue("30d") Duration refreshTokenLifetime, @DefaultValue("frontend") String audience,
		@Nullable String signingKey, @DefaultValue List<String> additionalPublicKeys,
		@DefaultValue Map<String, String> backofficeClients, @DefaultValue("90d") Duration refreshTokenMaxLifetime,
		@DefaultValue("backoffice") String backofficeAudience) {

	public ApiSettings {
		if (audience.equals(backofficeAudience)) {
			throw new io.clientele.shared.ConfigurationProblem(
					"clientele.api.audience and clientele.api.backoffice-audience are both \"" + audience
							+ "\": a customer's token would pass for a back-office client's.",
					"Give clientele.api.backoffice-audience a value of its own (default: backoffice).");
		}
		if (refreshTokenMaxLifetime.isNegative() || refreshTokenMaxLifetime.isZero()) {
			throw new io.clientele.shared.ConfigurationProblem(
					"clientele.api.refresh-token-max-lifetime is " + refreshTokenMaxLifetime + ".",
					"Give a positive duration such as 90d.");
		}
	}

}
