package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.support.WebClient;

/**
 * An overloaded pool is not a database outage: a request that found every connection in
 * use for the whole wait is refused, and the next one, once a connection is free, is
 * served at once, with no second of refusals for everybody as after a real outage.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.connection-timeout=250" })
class BusyPoolIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void aPoolWhoseConnectionsAreAllInUseIsNotTakenForAnOutage() throws Exception {
		var held = new ArrayList<Connection>();
		WebClient.Page refused;
		try {
			// the test takes every connection of the pool, as a burst of requests would
			while (held.size() < 4) {
				held.add(dataSource.getConnection());
			}
			refused = new WebClient(port).get("/login");
		}
		finally {
			for (var connection : held) {
				connection.close();
			}
		}
		var next = new WebClient(port).get("/login");

		assertThat(refused.status()).isEqualTo(503);
		assertThat(next.status()).as("served at once: the node did not enter an outage").isEqualTo(200);
	}

}
