package io.clientele.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means PostgreSQL cannot be reached right now (stopped, restarting,
 * out of connections, the network between cut) rather than a bug or bad data: such a
 * failure is answered 503 and logged once per outage.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/** Whether this failure or one of its causes is the database being unreachable. */
	public static boolean isCauseOf(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && isUnavailable(sql.getSQLState())) {
				return true;
			}
			// a rollback on the lost connection fails too and hides the failure that
			// caused it
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isCauseOf(rollback.getApplicationException())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * The driver's words for an outage, e.g. "Connection to 127.0.0.1:5432 refused
	 * (08001)", for a log line: connection failures name no customer.
	 */
	public static String describe(Throwable failure) {
		var root = failure;
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && !(cause.getCause() instanceof SQLException)) {
				return sql.getMessage() + (sql.getSQLState() == null ? "" : " (" + sql.getSQLState() + ")");
			}
			root = cause;
			if (cause.getCause() == cause) {
				break;
			}
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	// 08: connection exception; 57P01-57P03: the server is shutting down or starting;
	// 53300: too many connections
	private static boolean isUnavailable(@Nullable String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03") || state.equals("53300"));
	}

}
