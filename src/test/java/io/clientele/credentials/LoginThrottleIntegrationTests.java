package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.support.MutableClock;
import io.clientele.support.Shoppers;

/** Lockout at its boundaries, on the real database, with a clock the test moves. */
@SpringBootTest
class LoginThrottleIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	LoginThrottle throttle;

	String email;

	String client;

	@BeforeEach
	void setUp() {
		throttle = new LoginThrottle(jdbc, new LockoutSettings(10, Duration.ofMinutes(15), Duration.ofMinutes(5),
				Duration.ofHours(1), 100, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofDays(1)), transaction,
				clock);
		email = Shoppers.uniqueEmail();
		client = "198.51.100." + (int) (Math.random() * 250);
		jdbc.sql("delete from credentials_attempt_counter").update();
	}

	void fail(int times) {
		for (int i = 0; i < times; i++) {
			recordFailure(email, null);
		}
	}

	// one wrong password: reserved, then failed
	LoginThrottle.Failure recordFailure(String login, String clientAddress) {
		var admission = throttle.reserve(login, new LoginAttempt(clientAddress, null));
		assertThat(admission).isInstanceOf(LoginThrottle.Admitted.class);
		return throttle.failed((LoginThrottle.Admitted) admission);
	}

	java.util.Optional<Duration> blockedFor(String login, String clientAddress) {
		return throttle.reserve(login, new LoginAttempt(clientAddress, null)) instanceof LoginThrottle.Refused refused
				? java.util.Optional.of(refused.remaining()) : java.util.Optional.empty();
	}

	@Test
	void nineFailuresDoNotBlockTheAccount() {
		fail(9);

		assertThat(blockedFor(email, client)).isEmpty();
	}

	@Test
	void theTenthFailureBlocksTheAccountForFiveMinutesAndTellsItIsTheFirstBlock() {
		fail(9);

		var tenth = recordFailure(email, null);

		assertThat(tenth.accountBlocked()).isTrue();
		assertThat(tenth.firstAccountBlock()).isTrue();
		assertThat(blockedFor(email, client)).contains(Duration.ofMinutes(5));
		assertThat(blockedFor(email.toUpperCase(), client)).as("the same account in any case").isPresent();
	}

	@Test
	void theBlockEndsAfterFiveMinutesToTheSecond() {
		fail(10);

		clock.advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(blockedFor(email, client)).contains(Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		assertThat(blockedFor(email, client)).isEmpty();
	}

	@Test
	void failuresOlderThanFifteenMinutesNoLongerCount() {
		fail(9);
		clock.advance(Duration.ofMinutes(15));

		fail(1);

		assertThat(blockedFor(email, client)).isEmpty();
	}

	@Test
	void eachFurtherBlockDoublesUpToOneHour() {
		var expected = new long[] { 5, 10, 20, 40, 60, 60 };
		for (var minutes : expected) {
			fail(9);
			var failure = recordFailure(email, null);

			assertThat(failure.blockedFor()).isEqualTo(Duration.ofMinutes(minutes));
			assertThat(failure.firstAccountBlock()).isEqualTo(minutes == 5);
			clock.advance(failure.blockedFor());
		}
	}

	@Test
	void aSuccessfulLoginStartsTheAccountAfresh() {
		fail(10);
		clock.advance(Duration.ofMinutes(5));

		throttle.clear(email);
		fail(9);
		var tenth = recordFailure(email, null);

		assertThat(tenth.blockedFor()).isEqualTo(Duration.ofMinutes(5));
		assertThat(tenth.firstAccountBlock()).isTrue();
	}

	@Test
	void oneHundredFailuresFromOneAddressBlockItForFifteenMinutesWhateverTheAccounts() {
		for (int i = 0; i < 100; i++) {
			recordFailure("someone-" + i + "@example.com", client);
		}

		assertThat(blockedFor(Shoppers.uniqueEmail(), client)).contains(Duration.ofMinutes(15));
		assertThat(blockedFor(Shoppers.uniqueEmail(), "203.0.113.9")).isEmpty();
	}

	@Test
	void aParallelBurstGetsNoMoreAttemptsThanTheLimit() throws Exception {
		var admitted = new java.util.concurrent.atomic.AtomicInteger();
		var refused = new java.util.concurrent.atomic.AtomicInteger();
		try (var threads = java.util.concurrent.Executors.newFixedThreadPool(16)) {
			var start = new java.util.concurrent.CountDownLatch(1);
			var attempts = new java.util.ArrayList<java.util.concurrent.Future<?>>();
			for (int i = 0; i < 60; i++) {
				attempts.add(threads.submit(() -> {
					start.await();
					var admission = throttle.reserve(email, new LoginAttempt(client, null));
					(admission instanceof LoginThrottle.Admitted ? admitted : refused).incrementAndGet();
					return null;
				}));
			}
			start.countDown();
			for (var attempt : attempts) {
				attempt.get();
			}
		}

		assertThat(admitted).hasValue(10);
		assertThat(refused).hasValue(50);
	}

	@Test
	void aParallelBurstFromOneAddressGetsNoMoreThanItsLimitWhateverTheAccounts() throws Exception {
		var strict = new LoginThrottle(jdbc, new LockoutSettings(10, Duration.ofMinutes(15), Duration.ofMinutes(5),
				Duration.ofHours(1), 20, Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofDays(1)), transaction,
				clock);
		var admitted = new java.util.concurrent.atomic.AtomicInteger();
		try (var threads = java.util.concurrent.Executors.newFixedThreadPool(16)) {
			var attempts = new java.util.ArrayList<java.util.concurrent.Future<?>>();
			for (int i = 0; i < 60; i++) {
				var account = "someone-" + i + "@example.com";
				attempts.add(threads.submit(() -> {
					if (strict.reserve(account, new LoginAttempt(client, null)) instanceof LoginThrottle.Admitted) {
						admitted.incrementAndGet();
					}
					return null;
				}));
			}
			for (var attempt : attempts) {
				attempt.get();
			}
		}

		assertThat(admitted).hasValue(20);
	}

	@Test
	void anAttemptThatWasNeverCheckedDoesNotCount() {
		fail(9);
		var unchecked = (LoginThrottle.Admitted) throttle.reserve(email, new LoginAttempt(client, null));

		throttle.released(unchecked);

		assertThat(recordFailure(email, client).accountBlocked()).isTrue();
	}

	@Test
	void ipv6ClientsCountByTheirSlash64() {
		for (int i = 1; i <= 100; i++) {
			recordFailure("someone-" + i + "@example.com", "2001:db8:1:2:0:0:0:" + Integer.toHexString(i));
		}

		assertThat(blockedFor(Shoppers.uniqueEmail(), "2001:db8:1:2:ffff:1:2:3")).contains(Duration.ofMinutes(15));
		assertThat(blockedFor(Shoppers.uniqueEmail(), "2001:db8:1:3::1")).isEmpty();
	}

	@Test
	void othersFailuresDoNotLockOutADeviceThatLoggedInBefore() {
		var device = throttle.deviceToken(email);
		fail(10);

		assertThat(blockedFor(email, client)).isPresent();
		assertThat(throttle.reserve(email, new LoginAttempt(client, device)))
			.isInstanceOfSatisfying(LoginThrottle.Admitted.class, a -> assertThat(a.trustedDevice()).isTrue());
	}

	@Test
	void aDeviceTokenOfAnotherAccountOrForgedIsNotTrusted() {
		var othersDevice = throttle.deviceToken(Shoppers.uniqueEmail());
		var forged = othersDevice.substring(0, othersDevice.length() - 2) + "AA";
		fail(10);

		assertThat(throttle.reserve(email, new LoginAttempt(client, othersDevice)))
			.isInstanceOf(LoginThrottle.Refused.class);
		assertThat(throttle.reserve(email, new LoginAttempt(client, forged))).isInstanceOf(LoginThrottle.Refused.class);
	}

	@Test
	void anExpiredDeviceTokenIsNotTrusted() {
		var device = throttle.deviceToken(email);
		clock.advance(Duration.ofDays(91));
		fail(10);

		assertThat(throttle.reserve(email, new LoginAttempt(client, device))).isInstanceOf(LoginThrottle.Refused.class);
	}

	@Test
	void aDevicesOwnFailuresBlockTheDeviceButNotTheAccount() {
		var device = throttle.deviceToken(email);
		for (int i = 0; i < 10; i++) {
			var admission = throttle.reserve(email, new LoginAttempt(client, device));
			assertThat(admission).isInstanceOfSatisfying(LoginThrottle.Admitted.class,
					a -> assertThat(a.trustedDevice()).isTrue());
			assertThat(throttle.failed((LoginThrottle.Admitted) admission).accountBlocked()).isFalse();
		}

		assertThat(throttle.reserve(email, new LoginAttempt(client, device))).isInstanceOf(LoginThrottle.Refused.class);
		assertThat(throttle.blockedFor(email)).as("the account itself is not blocked by the device").isEmpty();
		assertThat(throttle.reserve(email, new LoginAttempt(client, null))).isInstanceOf(LoginThrottle.Admitted.class);
	}

	@Test
	void countersThatNeitherBlockNorCountArePurged() {
		fail(10);
		var other = Shoppers.uniqueEmail();
		clock.advance(Duration.ofHours(23));
		recordFailure(other, null);
		clock.advance(Duration.ofHours(2));

		throttle.purge();

		assertThat(jdbc.sql("select count(*) from credentials_attempt_counter").query(Long.class).single())
			.as("only the recent counter is left")
			.isEqualTo(1);
	}

	@Test
	void whileAnotherNodePurgesThisNodeSkipsItsTurnWithoutWaiting() throws Exception {
		fail(10);
		clock.advance(Duration.ofDays(2));
		var purging = new java.util.concurrent.CountDownLatch(1);
		var done = new java.util.concurrent.CountDownLatch(1);
		try (var otherNode = java.util.concurrent.Executors.newSingleThreadExecutor()) {
			var holder = otherNode.submit(() -> transaction.executeWithoutResult(status -> {
				assertThat(io.clientele.shared.OneNodeAtATime.claim(jdbc, "lockout-purge")).isTrue();
				purging.countDown();
				try {
					done.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			purging.await();

			var started = System.nanoTime();
			int skipped;
			try {
				skipped = throttle.purge();
			}
			finally {
				done.countDown();
			}
			var waitedMillis = (System.nanoTime() - started) / 1_000_000;
			holder.get();

			assertThat(skipped).as("this node's turn is skipped").isZero();
			assertThat(waitedMillis).as("without waiting for the other node").isLessThan(5_000);
			assertThat(throttle.purge()).as("the next turn purges").isPositive();
		}
	}

}
