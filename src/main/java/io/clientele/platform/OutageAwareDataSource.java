package io.clientele.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import io.clientele.shared.DatabaseOutage;

/**
 * The pool as the application sees it: it tells {@link DatabaseAvailability} of an outage
 * the moment a connection cannot be had (not only when a request has failed), and while
 * the outage lasts it refuses connections at once, so that no request, and nothing else a
 * failed request still asks of the pool (Spring Session saving the session a second time,
 * an error page), waits for the pool again.
 */
@Component
class OutageAwareDataSource implements BeanPostProcessor {

	private final ObjectProvider<DatabaseAvailability> availability;

	OutageAwareDataSource(ObjectProvider<DatabaseAvailability> availability) {
		this.availability = availability;
	}

	/** The pool itself, behind the watch if there is one. */
	static DataSource pool(DataSource dataSource) {
		return dataSource instanceof Watched watched ? java.util.Objects.requireNonNull(watched.getTargetDataSource())
				: dataSource;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof com.zaxxer.hikari.HikariDataSource pool ? new Watched(pool, availability) : bean;
	}

	/** The pool, watched for the failures of an outage. */
	static final class Watched extends DelegatingDataSource {

		private final ObjectProvider<DatabaseAvailability> availability;

		Watched(DataSource pool, ObjectProvider<DatabaseAvailability> availability) {
			super(pool);
			this.availability = availability;
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseDuringAnOutage();
			try {
				return super.getConnection();
			}
			catch (SQLException ex) {
				throw noticed(ex);
			}
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseDuringAnOutage();
			try {
				return super.getConnection(username, password);
			}
			catch (SQLException ex) {
				throw noticed(ex);
			}
		}

		private void refuseDuringAnOutage() throws SQLException {
			var known = availability.getIfAvailable();
			if (known != null && known.isDown()) {
				throw new java.sql.SQLTransientConnectionException(
						"the database did not answer: no connection is asked for until it does again", "08001");
			}
		}

		private SQLException noticed(SQLException failure) {
			if (DatabaseOutage.isCauseOf(failure)) {
				var known = availability.getIfAvailable();
				if (known != null) {
					known.outage(failure);
				}
			}
			return failure;
		}

	}

}
