package io.clientele.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scheduled work that every node schedules and one node at a time does: a PostgreSQL
 * advisory lock per task, held until the caller's transaction ends. A node that finds the
 * lock taken skips its turn instead of waiting, so two nodes never purge the same rows
 * together.
 */
public final class OneNodeAtATime {

	private OneNodeAtATime() {
	}

	/**
	 * Takes the task's lock for the current transaction; false when another node holds
	 * it.
	 * @throws IllegalStateException outside a transaction, where the lock would end with
	 * the statement
	 */
	public static boolean claim(JdbcClient jdbc, String task) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Claim " + task + " inside a transaction");
		}
		return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))")
			.param("clientele." + task)
			.query(Boolean.class)
			.single());
	}

}
