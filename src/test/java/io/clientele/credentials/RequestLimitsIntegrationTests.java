package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.support.MutableClock;

/** The request counters behind the forgotten-password limits, shared by all nodes. */
@SpringBootTest
class RequestLimitsIntegrationTests {

	static final Duration HOUR = Duration.ofHours(1);

	@Autowired
	JdbcClient jdbc;

	MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	@Test
	void twentyRequestsAnHourFromOneClientPassAndTheTwentyFirstDoesNot() {
		var limits = new RequestLimits(jdbc, clock);
		var client = "192.0.2." + UUID.randomUUID().toString().substring(0, 3);
		for (int i = 0; i < 20; i++) {
			assertThat(limits.tryAcquire("reset-client", client, 20, HOUR)).isTrue();
		}

		assertThat(limits.tryAcquire("reset-client", client, 20, HOUR)).isFalse();
		assertThat(limits.tryAcquire("reset-client", client + "1", 20, HOUR)).as("another client").isTrue();
	}

	@Test
	void theCountStartsAfreshWhenTheHourIsOver() {
		var limits = new RequestLimits(jdbc, clock);
		var key = UUID.randomUUID().toString();
		for (int i = 0; i < 5; i++) {
			limits.tryAcquire("reset-email", key, 5, HOUR);
		}
		assertThat(limits.tryAcquire("reset-email", key, 5, HOUR)).isFalse();

		clock.advance(HOUR);

		assertThat(limits.tryAcquire("reset-email", key, 5, HOUR)).isTrue();
	}

	@Test
	void theCountersHoldNoAddress() {
		new RequestLimits(jdbc, clock).tryAcquire("reset-email", "lena.fischer@example.com", 5, HOUR);

		assertThat(jdbc.sql("select count(*) from credentials_request_counter where counter_key like '%lena%'")
			.query(Long.class)
			.single()).isZero();
	}

}
