package io.clientele.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.clientele.shared.ConfigurationProblem;

/**
 * The RS256 key that signs access tokens, and the public keys the JWKS publishes. Each
 * key's {@code kid} is its RFC 7638 thumbprint, so it is the same on every node that has
 * the key.
 */
@Component
class SigningKeys {

	static final java.util.Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	static final java.util.Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private final RSAKey signingKey;

	private final JWKSet publicKeys;

	SigningKeys(ApiSettings settings, @Value("${clientele.data-dir:./data}") Path dataDir) {
		var pem = settings.signingKey() != null && !settings.signingKey().isBlank() ? settings.signingKey()
				: storedOrGenerated(dataDir.resolve("keys").resolve("jwt-signing-key.pem"));
		this.signingKey = rsaKey(privateKey(pem));
		var keys = new ArrayList<com.nimbusds.jose.jwk.JWK>();
		keys.add(signingKey.toPublicJWK());
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
	 * The key from the file, or a new one written there. The file is owner-only from its
	 * first byte: it is written as an owner-only temporary file and then linked into
	 * place, so no other user can ever read it, no reader ever sees half a key, and when
	 * two nodes start at once on one data directory, the first key stays and both use it.
	 */
	private static String storedOrGenerated(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file);
			}
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes())
						.encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
			var directory = file.getParent();
			var posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
			if (posix) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				// not a POSIX file system: the directory's protection has to do
				Files.createDirectories(directory);
			}
			var temporary = posix
					? Files.createTempFile(directory, ".jwt-signing-key", ".tmp",
							PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
					: Files.createTempFile(directory, ".jwt-signing-key", ".tmp");
			try {
				try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
					channel.write(ByteBuffer.wrap(pem.getBytes(StandardCharsets.US_ASCII)));
					channel.force(true);
				}
				return publish(temporary, file, pem);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Puts the complete key in place unless another process was first; returns the key in
	 * place.
	 */
	private static String publish(Path temporary, Path file, String pem) throws IOException {
		try {
			Files.createLink(file, temporary);
			return pem;
		}
		catch (FileAlreadyExistsException anotherNodeWasFirst) {
			return Files.readString(file);
		}
		catch (UnsupportedOperationException | IOException noHardLinks) {
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file);
			}
			return pem;
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
							+ "or leave it out to have one generated in the data directory.");
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
