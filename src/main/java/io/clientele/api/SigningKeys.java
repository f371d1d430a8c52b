package io.clientele.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.SecretBox;

/**
 * The RS256 key that signs access tokens, and the public keys the JWKS publishes. Each
 * key's {@code kid} is its RFC 7638 thumbprint. Unless {@code clientele.api.signing-key}
 * gives one, the keys live in PostgreSQL ({@code api_signing_key}, private keys sealed
 * with the encryption key), so every node signs with the same key and publishes the same
 * JWKS.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final RSAKey signingKey;

	private final JWKSet publicKeys;

	SigningKeys(ApiSettings settings, @Value("${clientele.data-dir:./data}") Path dataDir, JdbcClient jdbc,
			SecretBox box) {
		var keys = new ArrayList<com.nimbusds.jose.jwk.JWK>();
		if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
			this.signingKey = rsaKey(privateKey(settings.signingKey()));
			keys.add(signingKey.toPublicJWK());
		}
		else {
			var stored = new Stored(jdbc, box);
			importFromDataDirectory(dataDir.resolve("keys").resolve("jwt-signing-key.pem"), stored);
			var all = stored.all();
			if (all.stream().noneMatch(Stored.Key::signing)) {
				stored.add(generated(), true);
				all = stored.all();
			}
			this.signingKey = all.stream().filter(Stored.Key::signing).findFirst().orElseThrow().key();
			keys.add(signingKey.toPublicJWK());
			all.stream().filter((key) -> !key.signing()).forEach((key) -> keys.add(key.key().toPublicJWK()));
		}
		for (var additional : settings.additionalPublicKeys()) {
			keys.add(publicJwk(additional));
		}
		this.publicKeys = new JWKSet(keys);
	}

	RSAKey signingKey() {
		return signingKey;
	}

	/** What {@code /.well-known/jwks.json} publishes: public parts only. */
	JWKSet publicKeys() {
		return publicKeys;
	}

	/**
	 * The key an older Clientele generated into the data directory goes into the database
	 * once, so the tokens it signed stay valid: as the signing key if there is none yet,
	 * else (another node's directory had another key) as a key that only verifies. Then
	 * the plaintext file is removed.
	 */
	private static void importFromDataDirectory(Path file, Stored stored) {
		try {
			if (!Files.exists(file)) {
				return;
			}
			var key = rsaKey(privateKey(Files.readString(file)));
			if (!stored.add(key, true)) {
				stored.add(key, false);
			}
			Files.delete(file);
			log.info("Imported the API signing key {} from {} into the database and removed the file", key.getKeyID(),
					file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RSAKey generated() {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return rsaKey((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The table of keys. */
	private record Stored(JdbcClient jdbc, SecretBox box) {

		record Key(RSAKey key, boolean signing) {
		}

		static String purpose(String kid) {
			return "api-signing-key:" + kid;
		}

		/**
		 * Stores the key unless one with its kid, or a signing one when it is to sign, is
		 * there already: of nodes starting together, the first one's key is the key.
		 */
		boolean add(RSAKey key, boolean signing) {
			try {
				var sealed = box.seal(purpose(key.getKeyID()), key.toRSAPrivateKey().getEncoded());
				return jdbc.sql("""
						insert into api_signing_key (kid, private_key_encrypted, signing, created_at)
						values (?, ?, ?, now()) on conflict do nothing""")
					.params(key.getKeyID(), sealed, signing)
					.update() == 1;
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		List<Key> all() {
			return jdbc.sql(
					"select kid, private_key_encrypted, signing from api_signing_key order by signing desc, created_at")
				.query((rs, row) -> new Key(open(rs.getString(1), rs.getString(2)), rs.getBoolean(3)))
				.list();
		}

		private RSAKey open(String kid, String sealed) {
			byte[] der;
			try {
				der = box.open(purpose(kid), sealed);
			}
			catch (SecretBox.Unreadable ex) {
				throw new ConfigurationProblem(
						"The API signing key " + kid + " in the database cannot be decrypted with " + SecretBox.SETTING
								+ ": this node has another key than the node that stored it.",
						"Give every node the same " + SecretBox.SETTING
								+ " (CLIENTELE_ENCRYPTION_KEY), the one the database was first started with.");
			}
			try {
				var key = rsaKey(
						(RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
				if (!key.getKeyID().equals(kid)) {
					throw new IllegalStateException("The signing key stored as " + kid + " is " + key.getKeyID());
				}
				return key;
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static RSAPrivateCrtKey privateKey(String pem) {
		try {
			var der = Base64.getMimeDecoder()
				.decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
			return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new ConfigurationProblem("The API signing key is not an RSA private key in PKCS#8 PEM form.",
					"Give clientele.api.signing-key as -----BEGIN PRIVATE KEY----- … (openssl genpkey -algorithm RSA), "
							+ "or leave it out to have the shared one in the database.");
		}
	}

	private static RSAKey rsaKey(RSAPrivateCrtKey privateKey) {
		try {
			var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			var key = new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
		}
		catch (java.security.GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey publicJwk(String pem) {
		try {
			var der = Base64.getMimeDecoder()
				.decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
			var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
			var key = new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
			return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
		}
		catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException
				| JOSEException ex) {
			throw new ConfigurationProblem("An entry of clientele.api.additional-public-keys is not an RSA public key.",
					"Give each as -----BEGIN PUBLIC KEY----- … (openssl pkey -pubout).");
		}
	}

}
