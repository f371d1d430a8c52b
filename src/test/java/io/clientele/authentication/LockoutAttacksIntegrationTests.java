package io.clientele.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The attacks on the lockout, performed over HTTP against the running application: bursts
 * of parallel guesses on every form and endpoint that checks a password, and locking out
 * the owner as a weapon. The limit is 10 failures per account.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LockoutAttacksIntegrationTests {

	static final String WRONG = "not-the-password-1";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	String email;

	CustomerDetails customer;

	@BeforeEach
	void shopper() {
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
	}

	static String accessTokenRequest(String email, String password) {
		return "{\"data\":{\"type\":\"access-tokens\",\"attributes\":{\"username\":\"" + email + "\",\"password\":\""
				+ password + "\"}}}";
	}

	ApiClient.Answer apiLogin(String password, Map<String, String> headers) {
		return new ApiClient(port).send("POST", "/api/access-tokens", accessTokenRequest(email, password),
				ApiClient.JSON_API, null, headers);
	}

	long wrongPasswordsHashed() {
		return jdbc
			.sql("select count(*) from audit_entry where customer_id = ? and type = 'LOGIN_FAILED'"
					+ " and detail = 'wrong password'")
			.param(customer.id().value())
			.query(Long.class)
			.single();
	}

	// Whether the account's limit is taken: by attempts being checked or by a block.
	boolean limitReached() {
		return jdbc
			.sql("select count(*) from credentials_attempt_counter where customer_id = ? or (counter_key = ?"
					+ " and (failures >= 10 or blocked_until > now()))")
			.params(customer.id().value(), "account:" + io.clientele.shared.Sha256.hex(email.toLowerCase()))
			.query(Long.class)
			.single() > 0;
	}

	void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
		var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.get()) {
			assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	static <T> List<T> all(List<Future<T>> futures) throws Exception {
		var results = new ArrayList<T>();
		for (var future : futures) {
			results.add(future.get());
		}
		return results;
	}

	@Test
	void aBurstOfFiftyNineWrongPasswordsWithTheRightOneBehindGetsTenGuessesAndNoToken() throws Exception {
		try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
			var burst = new ArrayList<Future<Integer>>();
			for (int i = 0; i < 59; i++) {
				burst.add(clients.submit(() -> apiLogin(WRONG, Map.of()).status()));
			}
			waitUntil(this::limitReached);

			var rightPassword = clients.submit(() -> apiLogin(Shoppers.PASSWORD, Map.of()));

			assertThat(rightPassword.get().status()).as(rightPassword.get().body()).isEqualTo(429);
			assertThat(rightPassword.get().body()).doesNotContain("accessToken");
			var answers = all(burst);
			assertThat(answers).filteredOn(status -> status == 401).hasSize(9);
			assertThat(answers).filteredOn(status -> status == 429).hasSize(50);
		}
		assertThat(wrongPasswordsHashed()).isEqualTo(10);
	}

	@Test
	void aBurstOnTheOAuthTokenEndpointGetsNoMoreThanTenGuesses() throws Exception {
		try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
			var burst = new ArrayList<Future<Integer>>();
			for (int i = 0; i < 40; i++) {
				burst.add(
						clients.submit(() -> new ApiClient(port)
							.send("POST", "/api/token",
									"grant_type=password&username=" + java.net.URLEncoder.encode(email, "UTF-8")
											+ "&password=" + WRONG,
									"application/x-www-form-urlencoded", null)
							.status()));
			}
			all(burst);
		}

		assertThat(wrongPasswordsHashed()).isEqualTo(10);
		assertThat(apiLogin(Shoppers.PASSWORD, Map.of()).status()).isEqualTo(429);
	}

	@Test
	void aBurstOnTheStorefrontLoginFormGetsNoMoreThanTenGuesses() throws Exception {
		var browsers = new ArrayList<WebClient>();
		for (int i = 0; i < 30; i++) {
			var browser = new WebClient(port);
			browser.get("/login");
			browsers.add(browser);
		}
		try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
			var burst = new ArrayList<Future<Integer>>();
			for (var browser : browsers) {
				burst.add(clients
					.submit(() -> browser.post("/login", Map.of("email", email, "password", WRONG)).status()));
			}
			var answers = all(burst);
			assertThat(answers).filteredOn(status -> status == 302).hasSize(9);
		}

		assertThat(wrongPasswordsHashed()).isEqualTo(10);
		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void aBurstAgainstAStaffLoginGetsNoMoreThanTenGuessesAndTheRightPasswordIsRefusedAfter() throws Exception {
		var member = staff.create(
				EmailAddress.of("staff-" + UUID.randomUUID().toString().substring(0, 13) + "@clientele.example"),
				"Sam Support", StaffRole.SUPPORT, "violet-lantern-orchard-3");
		var browsers = new ArrayList<WebClient>();
		for (int i = 0; i < 30; i++) {
			var browser = new WebClient(port);
			browser.get("/backoffice/login");
			browsers.add(browser);
		}
		try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
			var burst = new ArrayList<Future<WebClient.Page>>();
			for (var browser : browsers) {
				burst.add(clients.submit(() -> browser.post("/backoffice/login",
						Map.of("email", member.email().value(), "password", WRONG))));
			}
			var answers = all(burst);
			assertThat(answers).filteredOn(page -> page.status() == 302).hasSize(9);
			assertThat(answers).filteredOn(page -> page.status() == 429).hasSize(21);
		}

		var browser = new WebClient(port);
		browser.get("/backoffice/login");
		assertThat(browser
			.post("/backoffice/login", Map.of("email", member.email().value(), "password", "violet-lantern-orchard-3"))
			.status()).isEqualTo(429);
	}

	@Test
	void guessingTheCurrentPasswordOnThePasswordChangeFormStopsAtTheLimitEvenWithTheRightOne() {
		var session = new WebClient(port);
		session.logIn(email, Shoppers.PASSWORD);
		var newPassword = "Quiet-Meadow-Lantern-58";
		Map<String, String> guess = Map.of("currentPassword", WRONG, "newPassword", newPassword,
				"newPasswordConfirmation", newPassword);
		for (int i = 1; i <= 9; i++) {
			session.get("/customer/profile");
			assertThat(session.post("/customer/profile/password", guess).body())
				.contains("This is not your current password.");
		}
		session.get("/customer/profile");
		assertThat(session.post("/customer/profile/password", guess).status()).isEqualTo(429);

		session.get("/customer/profile");
		var right = session.post("/customer/profile/password", Map.of("currentPassword", Shoppers.PASSWORD,
				"newPassword", newPassword, "newPasswordConfirmation", newPassword));

		assertThat(right.status()).isEqualTo(429);
		assertThat(right.body()).contains("Too many wrong passwords.");
		assertThat(wrongPasswordsHashed()).isEqualTo(10);
	}

	@Test
	void guessingTheCurrentPasswordOnTheEmailChangeAndAccountDeletionCountsTowardsTheSameLimit() {
		var session = new WebClient(port);
		session.logIn(email, Shoppers.PASSWORD);
		for (int i = 0; i < 5; i++) {
			session.get("/customer/profile");
			session.post("/customer/profile/email", Map.of("email", Shoppers.uniqueEmail(), "currentPassword", WRONG));
			session.get("/customer/delete");
			session.post("/customer/delete", Map.of("currentPassword", WRONG));
		}

		session.get("/customer/delete");
		var delete = session.post("/customer/delete", Map.of("currentPassword", Shoppers.PASSWORD));

		assertThat(delete.status()).isEqualTo(429);
		assertThat(wrongPasswordsHashed()).isEqualTo(10);
		assertThat(session.get("/customer/overview").status()).as("the account was not closed").isEqualTo(200);
	}

	@Test
	void aBurstOfWrongCurrentPasswordsOnTheApiPasswordChangeGetsTenGuesses() throws Exception {
		var token = new ApiClient(port).accessToken(email, Shoppers.PASSWORD);
		var hashBefore = currentHash();
		Callable<Integer> guess = () -> new ApiClient(port).patch("/api/customer-password/" + customer.reference()
			.value(), "{\"data\":{\"type\":\"customer-password\",\"attributes\":{\"password\":\"" + WRONG
					+ "\",\"newPassword\":\"Quiet-Meadow-Lantern-58\",\"confirmPassword\":\"Quiet-Meadow-Lantern-58\"}}}",
				token)
			.status();
		try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
			var burst = new ArrayList<Future<Integer>>();
			for (int i = 0; i < 30; i++) {
				burst.add(clients.submit(guess));
			}
			assertThat(all(burst)).filteredOn(status -> status == 429).hasSize(21);
		}

		var right = new ApiClient(port).patch("/api/customer-password/" + customer.reference()
			.value(), "{\"data\":{\"type\":\"customer-password\",\"attributes\":{\"password\":\"" + Shoppers.PASSWORD
					+ "\",\"newPassword\":\"Quiet-Meadow-Lantern-58\",\"confirmPassword\":\"Quiet-Meadow-Lantern-58\"}}}",
				token);

		assertThat(right.status()).isEqualTo(429);
		assertThat(wrongPasswordsHashed()).isEqualTo(10);
		assertThat(currentHash()).isEqualTo(hashBefore);
	}

	String currentHash() {
		return jdbc.sql("select hash from credentials_password where owner_id = ?")
			.param(customer.id().value())
			.query(String.class)
			.single();
	}

	@Test
	void anAttackerLockingTheAccountOutDoesNotLockOutTheOwnersBrowser() {
		var owner = new WebClient(port);
		owner.logIn(email, Shoppers.PASSWORD);
		owner.get("/customer/overview");
		owner.post("/logout", Map.of());
		assertThat(owner.cookie(DeviceCookies.CUSTOMER)).isPresent();

		for (int i = 0; i < 10; i++) {
			new WebClient(port).logIn(email, WRONG);
		}

		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).status()).as("a browser never seen")
			.isEqualTo(429);
		assertThat(owner.logIn(email, Shoppers.PASSWORD).location()).as("the owner's browser")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void anAttackerLockingTheAccountOutDoesNotLockOutTheOwnersApp() {
		var first = apiLogin(Shoppers.PASSWORD, Map.of());
		var device = first.header("X-Device-Token").orElseThrow();

		for (int i = 0; i < 10; i++) {
			apiLogin(WRONG, Map.of());
		}

		assertThat(apiLogin(Shoppers.PASSWORD, Map.of()).status()).isEqualTo(429);
		assertThat(apiLogin(Shoppers.PASSWORD, Map.of("X-Device-Token", device)).status()).isEqualTo(201);
		assertThat(apiLogin(Shoppers.PASSWORD, Map.of("X-Device-Token", device + "x")).status())
			.as("a forged token is an unknown client")
			.isEqualTo(429);
	}

	@Test
	void aStolenDeviceTokenGetsNoMoreGuessesThanAnyoneElse() {
		var device = apiLogin(Shoppers.PASSWORD, Map.of()).header("X-Device-Token").orElseThrow();

		var answers = new ArrayList<Integer>();
		for (int i = 0; i < 12; i++) {
			answers.add(apiLogin(WRONG, Map.of("X-Device-Token", device)).status());
		}

		assertThat(answers.subList(0, 9)).containsOnly(401);
		assertThat(answers.subList(9, 12)).containsOnly(429);
		assertThat(apiLogin(Shoppers.PASSWORD, Map.of()).status()).as("the account stays open to other clients")
			.isEqualTo(201);
	}

}
