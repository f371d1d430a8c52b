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
 * absent, one is generated once into {@code <data-dir>/keys/jwt-signing-key.pem}. Give it
 * through the environment ({@code CLIENTELE_API_SIGNING_KEY}) when several nodes run.
 * @param additionalPublicKeys further public keys (PEM) published in the JWKS, e.g. the
 * previous signing key during a rotation
 */
@ConfigurationProperties("clientele.api")
public record ApiSettings(@DefaultValue("8h") Duration accessTokenLifetime,
		@DefaultValue("30d") Duration refreshTokenLifetime, @DefaultValue("frontend") String audience,
		@Nullable String signingKey, @DefaultValue List<String> additionalPublicKeys,
		@DefaultValue Map<String, String> backofficeClients) {
}
