package io.clientele.platform;

import java.sql.SQLException;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * A migration may rewrite a table of millions of rows for minutes: its connection waits
 * for PostgreSQL without the pool's read limit ({@code socketTimeout}), which only keeps
 * requests from hanging. The pool restores the limit when the connection comes back.
 */
@Component
class MigrationsWithoutReadTimeout implements Callback {

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			context.getConnection().setNetworkTimeout(Runnable::run, 0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not lift the read timeout for migrations", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "migrations-without-read-timeout";
	}

}
