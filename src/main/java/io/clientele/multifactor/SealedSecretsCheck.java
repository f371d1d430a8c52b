package io.clientele.multifactor;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.SecretBox;

/**
 * At start-up: seals the authenticator secrets an older Clientele stored in plaintext,
 * and tries one sealed secret, so a node given another encryption key stops with a clear
 * sentence instead of failing every app code later.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SealedSecretsCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SealedSecretsCheck.class);

	private final FactorRecords records;

	private final JdbcClient jdbc;

	private final SecretBox box;

	SealedSecretsCheck(FactorRecords records, JdbcClient jdbc, SecretBox box) {
		this.records = records;
		this.jdbc = jdbc;
		this.box = box;
	}

	@Override
	public void run(ApplicationArguments args) {
		record Sealed(String kind, UUID owner, String secret) {
		}
		jdbc.sql("select owner_kind, owner_id, secret_encrypted from multifactor_method"
				+ " where secret_encrypted is not null limit 1")
			.query((rs, row) -> new Sealed(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
			.optional()
			.ifPresent((sealed) -> {
				try {
					box.open(FactorRecords.purpose(FactorOwner.Kind.valueOf(sealed.kind()), sealed.owner()),
							sealed.secret());
				}
				catch (SecretBox.Unreadable ex) {
					throw new ConfigurationProblem(
							"The authenticator secrets in the database cannot be decrypted with " + SecretBox.SETTING
									+ ": this node has another key than the node that stored them.",
							"Give every node the same " + SecretBox.SETTING
									+ " (CLIENTELE_ENCRYPTION_KEY), the one the database was first started with.");
				}
			});
		var sealed = records.sealPlaintextSecrets();
		if (sealed > 0) {
			log.info("Encrypted {} authenticator secrets stored in plaintext by an older version", sealed);
		}
	}

}
