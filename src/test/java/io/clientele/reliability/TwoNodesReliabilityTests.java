package io.clientele.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.TestDatabase;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two real Clientele processes on one PostgreSQL, as behind a load balancer: whatever a
 * customer does on one node holds on the other at once, because all state is in the
 * database.
 */
@Tag("reliability")
class TwoNodesReliabilityTests {

	private static final String NEW_PASSWORD = "copper-meadow-lantern-42";

	private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refreshToken\":\"([^\"]+)\"");

	static EmbeddedPostgres postgres;

	static ClienteleNode a;

	static ClienteleNode b;

	@BeforeAll
	static void startTwoNodesOnOneDatabase() {
		postgres = TestDatabase.start();
		var database = ClienteleNode.Database.on(postgres);
		a = new ClienteleNode("two-nodes-a", database, TestMailServer.port());
		b = new ClienteleNode("two-nodes-b", database, TestMailServer.port());
		ClienteleNode.startAll(a, b);
	}

	@AfterAll
	static void stop() throws IOException {
		for (var node : new ClienteleNode[] { a, b }) {
			if (node != null) {
				node.close();
			}
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void registeredOnAConfirmedOnBAndAPasswordChangeOnBEndsTheSessionOnAAtOnce() {
		var email = Shoppers.uniqueEmail();
		var registration = new WebClient(a.port());
		registration.get("/register");
		assertThat(registration.post("/register", Shoppers.registrationForm(email)).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		var link = TestMailServer.linkIn(TestMailServer.mailTo(email, "Please confirm your email address"));
		var confirmation = new WebClient(b.port());
		confirmation.get(link);
		var confirmed = confirmation.post("/register/confirm",
				Map.of("token", link.substring(link.indexOf("token=") + 6), "password", Shoppers.PASSWORD));
		assertThat(confirmed.location()).as("confirmed on B").hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		var sessionOnA = new WebClient(a.port());
		assertThat(sessionOnA.logIn(email, Shoppers.PASSWORD).location()).as("logged in on A")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
		assertThat(sessionOnA.get("/customer/overview").status()).isEqualTo(200);

		var onB = new WebClient(b.port());
		onB.logIn(email, Shoppers.PASSWORD);
		onB.get("/customer/profile");
		var changed = onB.post("/customer/profile/password", Map.of("currentPassword", Shoppers.PASSWORD, "newPassword",
				NEW_PASSWORD, "newPasswordConfirmation", NEW_PASSWORD));
		assertThat(changed.location()).as("password changed on B")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/profile"));

		var afterChange = sessionOnA.get("/customer/overview");
		assertThat(afterChange.status()).as("the session on A is over at once").isEqualTo(302);
		assertThat(afterChange.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(new WebClient(a.port()).logIn(email, Shoppers.PASSWORD).location()).as("the old password on A")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(new WebClient(a.port()).logIn(email, NEW_PASSWORD).location()).as("the new password on A")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void tenWrongPasswordsSpreadOverBothNodesLockTheAccountOnBoth() {
		var email = confirmedCustomer();

		for (var attempt = 1; attempt <= 10; attempt++) {
			var node = attempt % 2 == 0 ? b : a;
			new WebClient(node.port()).logIn(email, "not-the-password-" + attempt);
		}

		for (var node : new ClienteleNode[] { a, b }) {
			var rightPassword = new WebClient(node.port()).logIn(email, Shoppers.PASSWORD);
			assertThat(rightPassword.status()).as("locked on " + node.name()).isEqualTo(429);
			assertThat(rightPassword.body()).contains("Please try again in 5 minutes");
		}
	}

	@Test
	void aRefreshTokenRotatedOnAAndReplayedOnBRevokesTheWholeFamily() {
		var email = confirmedCustomer();
		var onA = new ApiClient(a.port());
		var onB = new ApiClient(b.port());
		var login = onA.post("/api/access-tokens", """
				{"data":{"type":"access-tokens","attributes":{"username":"%s","password":"%s"}}}""".formatted(email,
				Shoppers.PASSWORD), null);
		var first = refreshTokenIn(login);

		var rotated = refresh(onA, first);
		assertThat(rotated.status()).as("rotated on A").isEqualTo(201);
		var second = refreshTokenIn(rotated);

		assertThat(refresh(onB, first).status()).as("the replay on B").isEqualTo(401);
		assertThat(refresh(onA, second).status()).as("the rotated token on A is revoked with its family")
			.isEqualTo(401);
		assertThat(refresh(onB, second).status()).isEqualTo(401);
	}

	@Test
	void anAccessTokenIssuedByAIsAcceptedByBAndVerifiesWithBsPublishedKeys() throws Exception {
		var email = confirmedCustomer();
		var token = new ApiClient(a.port()).accessToken(email, Shoppers.PASSWORD);
		var onB = new ApiClient(b.port());

		var customers = onB.get("/api/customers", token);
		var jwks = onB.get("/.well-known/jwks.json", null);

		assertThat(customers.status()).as(customers.body()).isEqualTo(200);
		assertThat(customers.body()).contains(email);
		var claims = new JwtConsumerBuilder()
			.setVerificationKeyResolver(
					new JwksVerificationKeyResolver(new JsonWebKeySet(jwks.body()).getJsonWebKeys()))
			.setExpectedAudience("frontend")
			.setRequireExpirationTime()
			.build()
			.processToClaims(token);
		assertThat(claims.getSubject()).contains("customer_reference");
	}

	/** Registered on A, confirmed on B; returns the address. */
	private static String confirmedCustomer() {
		var email = Shoppers.uniqueEmail();
		var registration = new WebClient(a.port());
		registration.get("/register");
		registration.post("/register", Shoppers.registrationForm(email));
		var link = TestMailServer.linkIn(TestMailServer.mailTo(email, "Please confirm your email address"));
		var confirmation = new WebClient(b.port());
		confirmation.get(link);
		confirmation.post("/register/confirm",
				Map.of("token", link.substring(link.indexOf("token=") + 6), "password", Shoppers.PASSWORD));
		return email;
	}

	private static ApiClient.Answer refresh(ApiClient api, String refreshToken) {
		return api.post("/api/refresh-tokens", """
				{"data":{"type":"refresh-tokens","attributes":{"refreshToken":"%s"}}}""".formatted(refreshToken), null);
	}

	private static String refreshTokenIn(ApiClient.Answer answer) {
		var matcher = REFRESH_TOKEN.matcher(answer.body());
		assertThat(matcher.find()).as(answer.status() + " " + answer.body()).isTrue();
		return matcher.group(1);
	}

}
