package io.clientele.authentication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerId;

/**
 * The instant before which nothing a customer was given to stay signed in counts any
 * more: access tokens issued and refresh-token families begun before it are refused. Kept
 * in PostgreSQL, so every node refuses them at once.
 */
@Component
public class AccessCutoff {

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessCutoff(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Ends everything issued to the customer until now; a later cut-off already set
	 * stays. Runs in the caller's transaction.
	 */
	public void cutOff(CustomerId customer) {
		jdbc.sql("""
				insert into authentication_access_cutoff (customer_id, not_before) values (?, ?)
				on conflict (customer_id) do update
				set not_before = greatest(authentication_access_cutoff.not_before, excluded.not_before)
				""").params(customer.value(), Timestamp.from(clock.instant())).update();
	}

	/**
	 * Before when nothing issued to the customer counts; empty if never cut off. One
	 * primary-key look-up.
	 */
	public Optional<Instant> notBefore(CustomerId customer) {
		return jdbc.sql("select not_before from authentication_access_cutoff where customer_id = ?")
			.param(customer.value())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/**
	 * Whether something issued to the customer at that instant was cut off: issued before
	 * the cut-off (its instant with the precision it has, milliseconds for a token).
	 */
	public boolean isCutOff(CustomerId customer, Instant issuedAt) {
		return notBefore(customer).map(issuedAt::isBefore).orElse(false);
	}

}
