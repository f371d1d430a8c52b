package io.clientele.api;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.clientele.authentication.AccessCutoff;
import io.clientele.customer.CustomerId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens: JWTs signed RS256 with a {@code kid}, with Spryker's claims ({@code sub}
 * is a JSON string carrying {@code customer_reference} and {@code id_customer}), our
 * public URL as {@code iss}, and the issue instant in milliseconds as {@code iat_ms}.
 * Verification accepts RS256 with a published key only: no {@code alg: none}, no foreign
 * key, no other issuer, no expired token, no customer token as a back-office client's
 * (nor the other way round: each has its own {@code aud}), and no customer token issued
 * before the customer's {@link AccessCutoff cut-off}.
 */
@Component
class AccessTokens {

	static final String CUSTOMER_SCOPE = "customer";

	static final String BACKOFFICE_SCOPE = "backoffice";

	/**
	 * The issue instant in milliseconds: {@code iat} has whole seconds only, too coarse
	 * to tell a token taken just before a password reset from one taken just after.
	 */
	static final String ISSUED_AT_MILLIS = "iat_ms";

	/**
	 * The refresh-token family (one login) the token belongs to, as OpenID Connect's
	 * session id: the second factor's grace period is kept per family.
	 */
	static final String SESSION_ID = "sid";

	private final SigningKeys keys;

	private final ApiSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final AccessCutoff cutoff;

	private final String issuer;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	AccessTokens(SigningKeys keys, ApiSettings settings, JsonMapper json, Clock clock, AccessCutoff cutoff,
			@Value("${clientele.public-url:http://localhost:8080}") String publicUrl) {
		this.keys = keys;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.cutoff = cutoff;
		this.issuer = issuer(publicUrl);
		processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicKeys())));
		var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(
				Set.of(settings.audience(), settings.backofficeAudience()),
				new JWTClaimsSet.Builder().issuer(issuer).build(),
				Set.of("iss", "aud", "sub", "exp", "iat", "jti", ISSUED_AT_MILLIS), null);
		verifier.setMaxClockSkew(30);
		processor.setJWTClaimsSetVerifier(verifier);
	}

	/**
	 * The public URL without a trailing slash, so that both spellings make one issuer.
	 */
	static String issuer(String publicUrl) {
		var url = publicUrl.strip();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * A signed access token for the customer, in the customer's token family if known.
	 */
	String issue(ApiCustomer customer) {
		var now = clock.instant();
		var subject = new LinkedHashMap<String, Object>();
		subject.put("id_company_user", null);
		subject.put("id_agent", null);
		subject.put("customer_reference", customer.reference());
		subject.put("id_customer", customer.id().value().toString());
		subject.put("permissions", null);
		var claims = claims(settings.audience(), now).subject(json.writeValueAsString(subject))
			.claim("scopes", List.of(CUSTOMER_SCOPE));
		if (customer.family() != null) {
			claims.claim(SESSION_ID, customer.family().toString());
		}
		return sign(claims.build());
	}

	private JWTClaimsSet.Builder claims(String audience, Instant now) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.claim(ISSUED_AT_MILLIS, now.toEpochMilli())
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(settings.accessTokenLifetime())));
	}

	private String sign(JWTClaimsSet claims) {
		var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(keys.signingKey().getKeyID())
			.build();
		var jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(keys.signingKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** A signed access token for a back-office client (client credentials grant). */
	String issueForClient(String clientId) {
		var now = clock.instant();
		var claims = claims(settings.backofficeAudience(), now).subject(clientId)
			.claim("scopes", List.of(BACKOFFICE_SCOPE))
			.build();
		return sign(claims);
	}

	long lifetimeSeconds() {
		return settings.accessTokenLifetime().toSeconds();
	}

	/**
	 * Who a valid token speaks for: a customer or a back-office client, by its audience
	 * and its scope, which must agree; empty for anything else, and for a customer token
	 * issued before the customer's cut-off. The token is checked once.
	 */
	Optional<TokenHolder> verify(String token) {
		try {
			var claims = processor.process(token, null);
			var audience = claims.getAudience();
			var scopes = scopes(claims);
			if (audience.size() != 1 || scopes.size() != 1) {
				return Optional.empty();
			}
			if (audience.getFirst().equals(settings.audience()) && scopes.contains(CUSTOMER_SCOPE)) {
				var subject = json.readValue(claims.getSubject(), Map.class);
				var family = claims.getStringClaim(SESSION_ID);
				var customer = new ApiCustomer(CustomerId.of(String.valueOf(subject.get("id_customer"))),
						String.valueOf(subject.get("customer_reference")),
						family == null ? null : UUID.fromString(family));
				var issuedAt = claims.getLongClaim(ISSUED_AT_MILLIS);
				return issuedAt == null || cutoff.isCutOff(customer.id(), Instant.ofEpochMilli(issuedAt))
						? Optional.empty() : Optional.of(customer);
			}
			if (audience.getFirst().equals(settings.backofficeAudience()) && scopes.contains(BACKOFFICE_SCOPE)) {
				return Optional.of(new BackofficeClient(claims.getSubject()));
			}
			return Optional.empty();
		}
		catch (ParseException | BadJOSEException | JOSEException | JacksonException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static List<String> scopes(JWTClaimsSet claims) throws ParseException {
		var scopes = claims.getStringListClaim("scopes");
		return scopes == null ? List.of() : scopes;
	}

}
