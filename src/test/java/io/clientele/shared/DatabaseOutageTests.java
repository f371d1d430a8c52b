package io.clientele.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTests {

	@Test
	void aPoolThatCannotConnectIsAnOutageHoweverDeepItIsWrapped() {
		var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
				new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));

		assertThat(DatabaseOutage.isCauseOf(new CannotGetJdbcConnectionException("Failed", pool))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("Could not open", pool))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new IllegalStateException(pool)))).isTrue();
	}

	@Test
	void aConnectionLostOrAServerShuttingDownIsAnOutage() {
		assertThat(DatabaseOutage.isCauseOf(new SQLException("An I/O error occurred", "08006"))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("the database system is starting up", "57P03"))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("too many clients", "53300"))).isTrue();
	}

	@Test
	void aRollbackThatFailsOnTheLostConnectionIsAnOutage() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("I/O error",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")));

		assertThat(DatabaseOutage.isCauseOf(rollback)).isTrue();
		assertThat(DatabaseOutage.isCauseOf(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isFalse();
	}

	@Test
	void badDataAndBugsAreNoOutage() {
		assertThat(DatabaseOutage.isCauseOf(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("no state"))).isFalse();
		assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void anOutageIsDescribedInTheDriversWordsWithItsState() {
		var failure = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
						new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")));

		assertThat(DatabaseOutage.describe(failure)).isEqualTo("Connection to 127.0.0.1:5432 refused. (08001)");
	}

}
