package io.clientele.api;

import static io.clientele.api.GlueContract.JWT;
import static io.clientele.api.GlueContract.OPAQUE_TOKEN;
import static io.clientele.api.GlueContract.assertAnswer;
import static io.clientele.api.GlueContract.assertError;
import static io.clientele.api.GlueContract.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.clientele.authentication.AccessCutoff;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.MutableClock;
import io.clientele.support.Shoppers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access and refresh tokens, the OAuth form endpoint and the JWKS, against the running
 * API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiTokensIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	SigningKeys keys;

	@Autowired
	ApiSettings settings;

	@Autowired
	JsonMapper json;

	@Autowired
	AccessCutoff cutoff;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	io.clientele.shared.SecretBox box;

	@Value("${clientele.public-url:http://localhost:8080}")
	String publicUrl;

	ApiClient api;

	CustomerDetails customer;

	String email;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
	}

	ApiClient.Answer logIn(String username, String password) {
		return api.post("/api/access-tokens", """
				{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}""".formatted(username,
				password), null);
	}

	String attribute(ApiClient.Answer answer, String name) {
		return json.readTree(answer.body()).get("data").get("attributes").get(name).stringValue();
	}

	@Test
	void aCustomerLogsInWithAccessAndRefreshToken() {
		var answer = logIn(email, Shoppers.PASSWORD);

		assertAnswer(answer, 201, """
				{"data":{"type":"access-tokens","id":null,"attributes":{"tokenType":"Bearer","expiresIn":28800,
				 "accessToken":"x","refreshToken":"x"},"links":{"self":"http://127.0.0.1:%d/api/access-tokens"}},
				 "links":{"self":"http://127.0.0.1:%d/api/access-tokens"}}""".formatted(port, port),
				pattern("data.attributes.accessToken", JWT), pattern("data.attributes.refreshToken", OPAQUE_TOKEN));
	}

	@Test
	void aWrongPasswordAnUnknownAddressAndAnUnconfirmedAccountFailAlike() {
		var unconfirmed = Shoppers.uniqueEmail();
		signUp.register(io.clientele.customer.RegisterCustomer.fromStorefront("Ms", "Ann", "Lee", unconfirmed, "en_US"),
				Shoppers.PASSWORD);

		assertError(logIn(email, "not-the-password-1"), 401, "003", "Failed to authenticate user.");
		assertError(logIn(Shoppers.uniqueEmail(), Shoppers.PASSWORD), 401, "003", "Failed to authenticate user.");
		assertError(logIn(unconfirmed, Shoppers.PASSWORD), 401, "003", "Failed to authenticate user.");
	}

	@Test
	void loginRequestsAreValidatedLikeGlue() {
		var answer = api.post("/api/access-tokens", """
				{"data":{"type":"access-tokens","attributes":{"username":"not-an-address"}}}""", null);

		assertAnswer(answer, 422, """
				{"errors":[{"code":"901","status":422,"detail":"username => This value is not a valid email address."},
				 {"code":"901","status":422,"detail":"password => This field is missing."}]}""");
	}

	@Test
	void tenFailedLoginsBlockTheAccountWith4401() {
		for (int i = 0; i < 9; i++) {
			logIn(email, "not-the-password-1");
		}

		assertError(logIn(email, "not-the-password-1"), 429, "4401",
				"Too many log in attempts from your address. Please wait 5 minutes before trying again.");
		assertError(logIn(email, Shoppers.PASSWORD), 429, "4401",
				"Too many log in attempts from your address. Please wait 5 minutes before trying again.");
	}

	@Test
	void theOAuthFormEndpointIsLockedOutLikeAccessTokens() {
		for (int i = 0; i < 10; i++) {
			form("grant_type=password&username=" + email + "&password=not-the-password-" + i);
		}

		assertError(form("grant_type=password&username=" + email + "&password=" + Shoppers.PASSWORD), 429, "4401",
				"Too many log in attempts from your address. Please wait 5 minutes before trying again.");
	}

	@Test
	void aRefreshTokenRotatesAndAReplayedOneRevokesItsWholeFamily() {
		var first = attribute(logIn(email, Shoppers.PASSWORD), "refreshToken");

		var refreshed = refresh(first);
		var second = attribute(refreshed, "refreshToken");

		assertAnswer(refreshed, 201, """
				{"data":{"type":"refresh-tokens","id":null,"attributes":{"tokenType":"Bearer","expiresIn":28800,
				 "accessToken":"x","refreshToken":"x"},"links":{"self":"http://127.0.0.1:%d/api/refresh-tokens"}},
				 "links":{"self":"http://127.0.0.1:%d/api/refresh-tokens"}}""".formatted(port, port),
				pattern("data.attributes.accessToken", JWT), pattern("data.attributes.refreshToken", OPAQUE_TOKEN));
		assertThat(second).isNotEqualTo(first);
		assertError(refresh(first), 401, "004", "Failed to refresh token.");
		assertError(refresh(second), 401, "004", "Failed to refresh token.");
	}

	@Test
	void anAccessTokenIsNoRefreshToken() {
		var accessToken = attribute(logIn(email, Shoppers.PASSWORD), "accessToken");

		assertError(refresh(accessToken), 401, "004", "Failed to refresh token.");
	}

	@Test
	void revokingMineEndsEveryRefreshTokenAndAForeignTokenIsLeftAloneWith204() {
		var login = logIn(email, Shoppers.PASSWORD);
		var other = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, other);
		var othersRefresh = attribute(logIn(other, Shoppers.PASSWORD), "refreshToken");
		var accessToken = attribute(login, "accessToken");

		assertThat(api.delete("/api/refresh-tokens/" + othersRefresh, accessToken).status()).isEqualTo(204);
		assertThat(refresh(othersRefresh).status()).as("another customer's token still works").isEqualTo(201);
		assertThat(api.delete("/api/refresh-tokens/mine", accessToken).status()).isEqualTo(204);
		assertError(refresh(attribute(login, "refreshToken")), 401, "004", "Failed to refresh token.");
	}

	@Test
	void protectedResourcesWithoutATokenAnswer403AndWithABadOne401() {
		assertError(api.get("/api/customers", null), 403, "002", "Missing access token.");
		var bad = api.get("/api/customers", "not.a.jwt");
		assertError(bad, 401, "001", "Invalid access token.");
		assertThat(bad.header("WWW-Authenticate")).contains("Bearer realm=\"Access to shop API\"");
	}

	@Test
	void aRequestCannotBeLoggedInAndAnonymousAtOnce() {
		var accessToken = attribute(logIn(email, Shoppers.PASSWORD), "accessToken");
		var request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/customers"))
			.header("Authorization", "Bearer " + accessToken)
			.header("X-Anonymous-Customer-Unique-Id", "guest-123")
			.build();

		var answer = send(request);

		assertError(answer, 400, "005",
				"Headers request error. A user can't act as logged and not logged user at the same time.");
	}

	@Test
	void theJwksPublishesAdditionalKeysForRotation() throws Exception {
		var previous = new RSAKeyGenerator(2048).generate();
		var pem = "-----BEGIN PUBLIC KEY-----\n"
				+ java.util.Base64.getMimeEncoder().encodeToString(previous.toRSAPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----";
		var rotated = new ApiSettings(settings.accessTokenLifetime(), settings.refreshTokenLifetime(),
				settings.audience(), settings.signingKey(), java.util.List.of(pem), java.util.Map.of(),
				settings.refreshTokenMaxLifetime(), settings.backofficeAudience());

		var jwks = new SigningKeys(rotated, java.nio.file.Path.of(io.clientele.support.TestDatabase.dataDirectory()),
				jdbc, box)
			.publicKeys();

		assertThat(jwks.getKeys()).hasSize(2);
		assertThat(jwks.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
		assertThat(jwks.getKeys().get(0).getKeyID()).isEqualTo(keys.signingKey().getKeyID());
	}

	private ApiClient.Answer send(java.net.http.HttpRequest request) {
		try {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			return new ApiClient.Answer(response.statusCode(), response.body(), response.headers().map());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void anExpiredTokenIsRefused() {
		var past = new MutableClock(Instant.now().minus(Duration.ofHours(9)));
		var expired = new AccessTokens(keys, settings, json, past, cutoff, publicUrl)
			.issue(new ApiCustomer(customer.id(), customer.reference().value()));

		assertError(api.get("/api/customers", expired), 401, "001", "Invalid access token.");
	}

	@Test
	void unsignedTokensAndTokensSignedByAnotherKeyAreRefused() throws Exception {
		var claims = new JWTClaimsSet.Builder().audience("frontend")
			.subject("{\"customer_reference\":\"" + customer.reference().value() + "\",\"id_customer\":\""
					+ customer.id().value() + "\"}")
			.jwtID("x")
			.issueTime(new java.util.Date())
			.expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
			.build();
		var unsigned = new PlainJWT(claims).serialize();
		var foreignKey = new RSAKeyGenerator(2048).keyID(keys.signingKey().getKeyID()).generate();
		var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreignKey.getKeyID()).build(),
				claims);
		forged.sign(new RSASSASigner(foreignKey));

		assertError(api.get("/api/customers", unsigned), 401, "001", "Invalid access token.");
		assertError(api.get("/api/customers", forged.serialize()), 401, "001", "Invalid access token.");
	}

	@Test
	void anyAppVerifiesAccessTokensWithThePublishedKeys() throws Exception {
		var accessToken = attribute(logIn(email, Shoppers.PASSWORD), "accessToken");
		var jwks = api.get("/.well-known/jwks.json", null);
		assertThat(jwks.status()).as(jwks.body()).isEqualTo(200);

		var consumer = new JwtConsumerBuilder()
			.setVerificationKeyResolver(
					new JwksVerificationKeyResolver(new JsonWebKeySet(jwks.body()).getJsonWebKeys()))
			.setExpectedAudience("frontend")
			.setRequireExpirationTime()
			.setRequireJwtId()
			.build();
		var claims = consumer.processToClaims(accessToken);

		assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
		assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(28800);
		assertThat(claims.getStringListClaimValue("scopes")).containsExactly("customer");
		var subject = json.readTree(claims.getSubject());
		assertThat(subject.get("customer_reference").stringValue()).isEqualTo(customer.reference().value());
		assertThat(subject.get("id_customer").stringValue()).isEqualTo(customer.id().value().toString());
	}

	@Test
	void theOAuthFormEndpointGrantsByPasswordAndByRefreshToken() {
		var byPassword = form("grant_type=password&username=" + email + "&password=" + Shoppers.PASSWORD);
		var refreshToken = json.readTree(byPassword.body()).get("refresh_token").stringValue();
		var byRefresh = form("grant_type=refresh_token&refresh_token=" + refreshToken);

		assertThat(byPassword.status()).isEqualTo(200);
		assertThat(byPassword.body()).matches("\\{\"access_token\":\"" + JWT
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":28800,\"refresh_token\":\"" + OPAQUE_TOKEN + "\"}");
		assertThat(byRefresh.status()).isEqualTo(200);
		var wrong = form("grant_type=password&username=" + email + "&password=wrong-one-1");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body())
			.isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"The user credentials were incorrect.\"}");
		assertThat(form("grant_type=magic").body()).contains("\"error\":\"unsupported_grant_type\"");
		assertThat(form("grant_type=refresh_token&refresh_token=" + refreshToken).body())
			.contains("\"error\":\"invalid_grant\"");
	}

	@Test
	void aPasswordChangeRevokesEveryRefreshToken() {
		var login = logIn(email, Shoppers.PASSWORD);

		var change = api.patch("/api/customer-password/" + customer.reference().value(),
				"""
						{"data":{"type":"customer-password","attributes":{"password":"%s","newPassword":"violet-lantern-orchard-3",
						 "confirmPassword":"violet-lantern-orchard-3"}}}"""
					.formatted(Shoppers.PASSWORD),
				attribute(login, "accessToken"));

		assertThat(change.status()).isEqualTo(204);
		assertError(refresh(attribute(login, "refreshToken")), 401, "004", "Failed to refresh token.");
	}

	private ApiClient.Answer refresh(String refreshToken) {
		return api.post("/api/refresh-tokens", """
				{"data":{"type":"refresh-tokens","attributes":{"refreshToken":"%s"}}}""".formatted(refreshToken), null);
	}

	private ApiClient.Answer form(String body) {
		return api.send("POST", "/api/token", body, "application/x-www-form-urlencoded", null);
	}

}
