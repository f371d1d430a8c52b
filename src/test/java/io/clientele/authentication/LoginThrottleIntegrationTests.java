package io.clientele.authentication;

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
				Duration.ofHours(1), 100, Duration.ofMinutes(15)), transaction, clock);
		email = Shoppers.uniqueEmail();
		client = "198.51.100." + (int) (Math.random() * 250);
		jdbc.sql("delete from authentication_failure_counter").update();
	}

	void fail(int times) {
		for (int i = 0; i < times; i++) {
			throttle.recordFailure(email, null);
		}
	}

	@Test
	void nineFailuresDoNotBlockTheAccount() {
		fail(9);

		assertThat(throttle.blockedFor(email, client)).isEmpty();
	}

	@Test
	void theTenthFailureBlocksTheAccountForFiveMinutesAndTellsItIsTheFirstBlock() {
		fail(9);

		var tenth = throttle.recordFailure(email, null);

		assertThat(tenth.accountBlocked()).isTrue();
		assertThat(tenth.firstAccountBlock()).isTrue();
		assertThat(throttle.blockedFor(email, client)).contains(Duration.ofMinutes(5));
		assertThat(throttle.blockedFor(email.toUpperCase(), client)).as("the same account in any case").isPresent();
	}

	@Test
	void theBlockEndsAfterFiveMinutesToTheSecond() {
		fail(10);

		clock.advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(throttle.blockedFor(email, client)).contains(Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		assertThat(throttle.blockedFor(email, client)).isEmpty();
	}

	@Test
	void failuresOlderThanFifteenMinutesNoLongerCount() {
		fail(9);
		clock.advance(Duration.ofMinutes(15));

		fail(1);

		assertThat(throttle.blockedFor(email, client)).isEmpty();
	}

	@Test
	void eachFurtherBlockDoublesUpToOneHour() {
		var expected = new long[] { 5, 10, 20, 40, 60, 60 };
		for (var minutes : expected) {
			fail(9);
			var failure = throttle.recordFailure(email, null);

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
		var tenth = throttle.recordFailure(email, null);

		assertThat(tenth.blockedFor()).isEqualTo(Duration.ofMinutes(5));
		assertThat(tenth.firstAccountBlock()).isTrue();
	}

	@Test
	void oneHundredFailuresFromOneAddressBlockItForFifteenMinutesWhateverTheAccounts() {
		for (int i = 0; i < 99; i++) {
			throttle.recordFailure("someone-" + i + "@example.com", client);
		}
		assertThat(throttle.blockedFor(Shoppers.uniqueEmail(), client)).isEmpty();

		throttle.recordFailure("someone-100@example.com", client);

		assertThat(throttle.blockedFor(Shoppers.uniqueEmail(), client)).contains(Duration.ofMinutes(15));
		assertThat(throttle.blockedFor(Shoppers.uniqueEmail(), "203.0.113.9")).isEmpty();
	}

}
