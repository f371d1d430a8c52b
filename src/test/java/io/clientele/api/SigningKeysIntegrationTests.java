package io.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.clientele.ClienteleApplication;
import io.clientele.credentials.SignUp;
import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.SecretBox;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.Shoppers;
import io.clientele.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The signing key is the database's, not a node's: nodes starting together agree on one,
 * each node publishes the same JWKS and accepts the others' tokens, the private key is
 * stored only encrypted, and the key an older Clientele kept in its data directory is
 * taken over so its tokens stay valid.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SigningKeysIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	SigningKeys keys;

	@Autowired
	ApiSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretBox box;

	@Test
	void nodesStartingTogetherOnAnEmptyDatabaseAgreeOnOneSigningKeyAndPublishTheSameJwks(@TempDir Path dataDirs)
			throws Exception {
		try (var database = TestDatabase.start(); var starts = Executors.newFixedThreadPool(6)) {
			var empty = migrated(database);
			var ready = new CountDownLatch(1);
			var nodes = new ArrayList<Future<SigningKeys>>();
			for (int i = 0; i < 6; i++) {
				var dataDir = dataDirs.resolve("node-" + i);
				nodes.add(starts.submit(() -> {
					ready.await();
					return new SigningKeys(settingsWithoutKey(), dataDir, empty, box);
				}));
			}
			ready.countDown();
			var started = new ArrayList<SigningKeys>();
			for (var node : nodes) {
				started.add(node.get());
			}

			assertThat(started).extracting((node) -> node.signingKey().getKeyID())
				.containsOnly(started.get(0).signingKey().getKeyID());
			assertThat(started).extracting((node) -> node.publicKeys().toString())
				.containsOnly(started.get(0).publicKeys().toString());
			assertThat(empty.sql("select count(*) from api_signing_key").query(Integer.class).single()).isEqualTo(1);
			var token = sign(started.get(3).signingKey(), claims());
			assertThat(verifies(token, started.get(5))).as("a token of one node passes another").isTrue();
		}
	}

	@Test
	void aSecondNodeOnTheDatabaseSignsWithTheSameKeyAndTheRunningNodeAcceptsItsTokens(@TempDir Path otherDataDir)
			throws Exception {
		var api = new ApiClient(port);
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var first = api.accessToken(email, Shoppers.PASSWORD);

		var second = new SigningKeys(settingsWithoutKey(), otherDataDir, jdbc, box);
		var resigned = sign(second.signingKey(), SignedJWT.parse(first).getJWTClaimsSet());

		assertThat(second.signingKey().getKeyID()).isEqualTo(keys.signingKey().getKeyID());
		assertThat(verifies(first, second)).as("the running node's token passes the second node").isTrue();
		assertThat(api.get("/api/customers/" + customer.reference().value(), resigned).status())
			.as("the second node's token passes the running node")
			.isEqualTo(200);
		assertThat(api.get("/.well-known/jwks.json", null).body()).contains(second.signingKey().getKeyID());
	}

	@Test
	void theDatabaseHoldsThePrivateKeyOnlyEncrypted() throws Exception {
		var stored = jdbc.sql("select private_key_encrypted from api_signing_key where kid = ?")
			.param(keys.signingKey().getKeyID())
			.query(String.class)
			.single();
		var der = keys.signingKey().toRSAPrivateKey().getEncoded();

		assertThat(stored).startsWith("v1:")
			.doesNotContain(Base64.getEncoder().encodeToString(der).substring(40, 80))
			.doesNotContain("PRIVATE KEY");
		assertThat(hex(Base64.getDecoder().decode(stored.substring(3)))).doesNotContain(hex(slice(der, 100, 140)));
	}

	@Test
	void anOlderNodesDataDirectoryKeyIsImportedOnceAndItsTokensStillVerify(@TempDir Path dataDirs) throws Exception {
		try (var database = TestDatabase.start()) {
			var shared = migrated(database);
			var firstKey = new RSAKeyGenerator(2048).generate();
			var otherKey = new RSAKeyGenerator(2048).generate();
			var firstDir = olderDataDirectory(dataDirs.resolve("first"), firstKey);
			var otherDir = olderDataDirectory(dataDirs.resolve("other"), otherKey);
			var tokenOfTheFirst = sign(firstKey, claims());
			var tokenOfTheOther = sign(otherKey, claims());

			var first = new SigningKeys(settingsWithoutKey(), firstDir, shared, box);
			var other = new SigningKeys(settingsWithoutKey(), otherDir, shared, box);
			var restarted = new SigningKeys(settingsWithoutKey(), firstDir, shared, box);

			assertThat(first.signingKey().getKeyID()).as("the first imported key signs")
				.isEqualTo(firstKey.computeThumbprint().toString());
			assertThat(other.signingKey().getKeyID()).as("the other node signs with it too")
				.isEqualTo(first.signingKey().getKeyID());
			assertThat(verifies(tokenOfTheFirst, other)).isTrue();
			assertThat(verifies(tokenOfTheOther, restarted)).as("the other directory's key still verifies").isTrue();
			assertThat(restarted.publicKeys().getKeys()).hasSize(2);
			assertThat(Files.exists(firstDir.resolve("keys/jwt-signing-key.pem"))).as("no plaintext key left")
				.isFalse();
			assertThat(shared.sql("select count(*) from api_signing_key").query(Integer.class).single()).isEqualTo(2);
		}
	}

	@Test
	void aNodeWithAnotherEncryptionKeyStopsWithASentenceNamingTheSetting(@TempDir Path dataDir) {
		var anotherKey = SecretBox.ofBase64(SecretBox.newKey(), "test");

		assertThatExceptionOfType(ConfigurationProblem.class)
			.isThrownBy(() -> new SigningKeys(settingsWithoutKey(), dataDir, jdbc, anotherKey))
			.withMessageContaining("cannot be decrypted with clientele.encryption-key")
			.satisfies((problem) -> assertThat(problem.action()).contains("the same clientele.encryption-key"));
	}

	@Test
	void anExternalDatabaseWithoutAnEncryptionKeyStopsTheStartSayingHowToMakeOne(@TempDir Path dataDir) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> new SpringApplicationBuilder(ClienteleApplication.class).run("--server.port=0",
					"--clientele.data-dir=" + dataDir, "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
					"--spring.datasource.username=postgres", "--clientele.demo-data=false")
				.close())
			.havingRootCause()
			.isInstanceOf(ConfigurationProblem.class)
			.withMessageContaining("clientele.encryption-key is not set")
			.satisfies((problem) -> assertThat(((ConfigurationProblem) problem).action())
				.contains("openssl rand -base64 32")
				.contains("CLIENTELE_ENCRYPTION_KEY"));
		assertThat(dataDir.resolve("keys/encryption-key")).as("no key made up for a shared database").doesNotExist();
	}

	ApiSettings settingsWithoutKey() {
		return new ApiSettings(settings.accessTokenLifetime(), settings.refreshTokenLifetime(), settings.audience(),
				null, List.of(), Map.of(), settings.refreshTokenMaxLifetime(), settings.backofficeAudience());
	}

	static JdbcClient migrated(EmbeddedPostgres database) {
		var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				database.getJdbcUrl("postgres", "postgres"));
		Flyway.configure().dataSource(dataSource).load().migrate();
		return JdbcClient.create(dataSource);
	}

	/** What an older Clientele left: its key as PKCS#8 PEM in the data directory. */
	static Path olderDataDirectory(Path dataDir, RSAKey key) throws Exception {
		Files.createDirectories(dataDir.resolve("keys"));
		Files.writeString(dataDir.resolve("keys/jwt-signing-key.pem"),
				"-----BEGIN PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPrivateKey().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		return dataDir;
	}

	static JWTClaimsSet claims() {
		return new JWTClaimsSet.Builder().subject("someone").issuer("https://shop.example").build();
	}

	static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
		var kid = key.getKeyID() != null ? key.getKeyID() : key.computeThumbprint().toString();
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
				claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	/** Checks the signature as AccessTokens does: the key is chosen from the JWKS. */
	static boolean verifies(String token, SigningKeys keys) {
		var processor = new DefaultJWTProcessor<SecurityContext>();
		processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicKeys())));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		try {
			processor.process(token, null);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}

	static byte[] slice(byte[] bytes, int from, int to) {
		return java.util.Arrays.copyOfRange(bytes, from, to);
	}

}
