package io.clientele.api;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

import io.clientele.customer.CustomerId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens: JWTs signed RS256 with a {@code kid}, with Spryker's claims ({@code sub}
 * is a JSON string carrying {@code customer_reference} and {@code id_customer}).
 * Verification accepts RS256 with a published key only: no {@code alg: none}, no foreign
 * key, no expired token.
 */
@Component
class AccessTokens {

	static final String CUSTOMER_SCOPE = "customer";

	static final String BACKOFFICE_SCOPE = "backoffice";

	private final SigningKeys keys;

	private final ApiSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	AccessTokens(SigningKeys keys, ApiSettings settings, JsonMapper json, Clock clock) {
		this.keys = keys;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicKeys())));
		var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(settings.audience(), null,
				Set.of("sub", "exp", "iat", "jti"));
		verifier.setMaxClockSkew(30);
		processor.setJWTClaimsSetVerifier(verifier);
	}

	/** A signed access token for the customer. */
	String issue(ApiCustomer customer) {
		var now = clock.instant();
		var subject = new LinkedHashMap<String, Object>();
		subject.put("id_company_user", null);
		subject.put("id_agent", null);
		subject.put("customer_reference", customer.reference());
		subject.put("id_customer", customer.id().value().toString());
		subject.put("permissions", null);
		var claims = new JWTClaimsSet.Builder().audience(settings.audience())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(settings.accessTokenLifetime())))
			.subject(json.writeValueAsString(subject))
			.claim("scopes", List.of(CUSTOMER_SCOPE))
			.build();
		return sign(claims);
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
		var claims = new JWTClaimsSet.Builder().audience(settings.audience())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(settings.accessTokenLifetime())))
			.subject(clientId)
			.claim("scopes", List.of(BACKOFFICE_SCOPE))
			.build();
		return sign(claims);
	}

	long lifetimeSeconds() {
		return settings.accessTokenLifetime().toSeconds();
	}

	/**
	 * Who a valid token speaks for: a customer or a back-office client, by its scope;
	 * empty for anything else. The token is checked once.
	 */
	Optional<TokenHolder> verify(String token) {
		try {
			var claims = processor.process(token, null);
			var scopes = scopes(claims);
			if (scopes.contains(CUSTOMER_SCOPE)) {
				var subject = json.readValue(claims.getSubject(), Map.class);
				return Optional.of(new ApiCustomer(CustomerId.of(String.valueOf(subject.get("id_customer"))),
						String.valueOf(subject.get("customer_reference"))));
			}
			if (scopes.contains(BACKOFFICE_SCOPE)) {
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
