package io.clientele.api;

import static io.clientele.api.GlueContract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
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
 * What bounds a token: its issuer, its audience (a customer's token is no back-office
 * client's and the other way round) and the absolute lifetime of a refresh family. The
 * signing key's storage has {@link SigningKeysIntegrationTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiTokenBoundsIntegrationTests {

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
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AccessCutoff cutoff;

	@Value("${clientele.public-url:http://localhost:8080}")
	String publicUrl;

	ApiClient api;

	String email;

	CustomerDetails customer;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
	}

	@Test
	void aRefreshFamilyEndsAtItsAbsoluteLifetimeHoweverOftenItIsRotated() {
		var login = Instant.parse("2027-03-01T10:00:00Z");
		var clock = new MutableClock(login);
		var tokens = new RefreshTokens(jdbc, settings, transaction, clock, cutoff);
		var token = tokens.issue(customer.id());

		// rotated every 29 days, each token well inside its own 30 days
		for (int rotation = 1; rotation <= 3; rotation++) {
			clock.advance(Duration.ofDays(29));
			token = tokens.rotate(token).orElseThrow().refreshToken();
		}
		clock.advance(Duration.ofDays(3).minusSeconds(1));
		var lastWithinTheLifetime = tokens.rotate(token);
		clock.advance(Duration.ofSeconds(1));

		assertThat(lastWithinTheLifetime).as("at 90 days minus a second").isPresent();
		assertThat(tokens.rotate(lastWithinTheLifetime.get().refreshToken())).as("at 90 days").isEmpty();
		assertThat(jdbc.sql("""
				select max(expires_at) from api_refresh_token where family_id =
				  (select family_id from api_refresh_token where customer_id = ? limit 1)""")
			.param(customer.id().value())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).as("no token of the family outlives it").isEqualTo(login.plus(Duration.ofDays(90)));
	}

	@Test
	void customerAndBackofficeClientTokensCarryTheIssuerAndDifferentAudiences() throws Exception {
		var customerToken = SignedJWT.parse(api.accessToken(email, Shoppers.PASSWORD)).getJWTClaimsSet();
		var clientToken = SignedJWT.parse(clientToken()).getJWTClaimsSet();

		assertThat(customerToken.getIssuer()).isEqualTo(AccessTokens.issuer(publicUrl));
		assertThat(clientToken.getIssuer()).isEqualTo(AccessTokens.issuer(publicUrl));
		assertThat(customerToken.getAudience()).containsExactly("frontend");
		assertThat(clientToken.getAudience()).containsExactly("backoffice");
	}

	@Test
	void aCustomerTokenIsRefusedOnBackofficeClientEndpoints() throws Exception {
		var token = api.accessToken(email, Shoppers.PASSWORD);
		var claims = SignedJWT.parse(token).getJWTClaimsSet();
		var asClient = new JWTClaimsSet.Builder(claims).claim("scopes", List.of("backoffice")).build();

		assertError(api.get("/api/backoffice/customers?email=" + email, token), 403, "411", "Unauthorized request.");
		assertError(api.send("PUT", "/api/backoffice/orders/DE--X-1", "{\"data\":{\"type\":\"orders\"}}",
				ApiClient.JSON_API, token), 403, "411", "Unauthorized request.");
		assertError(api.get("/api/backoffice/customers?email=" + email, sign(asClient)), 401, "001",
				"Invalid access token.");
	}

	@Test
	void aBackofficeClientTokenIsRefusedOnCustomerEndpoints() throws Exception {
		var token = clientToken();
		var reference = customer.reference().value();
		var claims = SignedJWT.parse(token).getJWTClaimsSet();
		var customerSubject = SignedJWT.parse(api.accessToken(email, Shoppers.PASSWORD)).getJWTClaimsSet().getSubject();
		var asCustomer = new JWTClaimsSet.Builder(claims).subject(customerSubject)
			.claim("scopes", List.of("customer"))
			.build();

		assertThat(api.get("/api/backoffice/customers?email=" + email, token).status()).isEqualTo(200);
		assertError(api.get("/api/customers", token), 403, "411", "Unauthorized request.");
		assertError(api.get("/api/customers/" + reference + "/addresses", token), 403, "411", "Unauthorized request.");
		assertError(api.get("/api/customers/" + reference, sign(asCustomer)), 401, "001", "Invalid access token.");
	}

	@Test
	void tokensFromAnotherIssuerAreRefused() throws Exception {
		var claims = SignedJWT.parse(api.accessToken(email, Shoppers.PASSWORD)).getJWTClaimsSet();
		var path = "/api/customers/" + customer.reference().value();

		var ours = api.get(path, sign(claims));
		var anotherShop = api.get(path,
				sign(new JWTClaimsSet.Builder(claims).issuer("https://another-shop.example").build()));
		var noIssuer = api.get(path, sign(new JWTClaimsSet.Builder(claims).issuer(null).build()));

		assertThat(ours.status()).as("the same claims with our issuer").isEqualTo(200);
		assertError(anotherShop, 401, "001", "Invalid access token.");
		assertError(noIssuer, 401, "001", "Invalid access token.");
	}

	String clientToken() {
		var answer = api.send("POST", "/api/token",
				"grant_type=client_credentials&client_id=checkout&client_secret=checkout-secret-for-tests",
				"application/x-www-form-urlencoded", null);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body()).get("access_token").stringValue();
	}

	/** Signed with the application's own key: only the claims can be wrong. */
	String sign(JWTClaimsSet claims) throws Exception {
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(keys.signingKey().getKeyID())
			.build(), claims);
		jwt.sign(new RSASSASigner(keys.signingKey()));
		return jwt.serialize();
	}

}
