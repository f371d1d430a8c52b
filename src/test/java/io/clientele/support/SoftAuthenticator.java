package io.clientele.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in the test, for attacks a browser would not let a page make:
 * an EC P-256 key, a counter, and the WebAuthn answers built by hand (CBOR encoded by
 * webauthn4j's converters), signed with java.security. Each answer can be bent: another
 * origin, another challenge, a counter that does not grow.
 */
public final class SoftAuthenticator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ObjectConverter CONVERTER = new ObjectConverter();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final KeyPair keys;

	private final byte[] credentialId = new byte[16];

	private byte[] userHandle = new byte[0];

	private long counter;

	public SoftAuthenticator() {
		try {
			var generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		new SecureRandom().nextBytes(credentialId);
	}

	/** The options a page got from the server, as JSON. */
	public static JsonNode options(String json) {
		return JSON.readTree(json);
	}

	public String credentialId() {
		return BASE64URL.encodeToString(credentialId);
	}

	public long counter() {
		return counter;
	}

	/** The counter the next answer reports, e.g. an old one replayed. */
	public SoftAuthenticator counter(long counter) {
		this.counter = counter;
		return this;
	}

	/** The answer to {@code navigator.credentials.create()} with these options. */
	public String register(JsonNode creationOptions, String origin) {
		return register(creationOptions.get("challenge").asString(), creationOptions.get("rp").get("id").asString(),
				Base64.getUrlDecoder().decode(creationOptions.get("user").get("id").asString()), origin);
	}

	public String register(String challenge, String rpId, byte[] userHandle, String origin) {
		this.userHandle = userHandle;
		var clientData = clientData("webauthn.create", challenge, origin);
		var attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
				EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
		byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT);
		var authenticatorData = new AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput>(
				sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, counter, attested);
		var attestation = new AttestationObjectConverter(CONVERTER)
			.convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
		var response = new LinkedHashMap<String, Object>();
		response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
		response.put("attestationObject", BASE64URL.encodeToString(attestation));
		response.put("transports", List.of("internal"));
		return credential(response, Map.of("credProps", Map.of("rk", true)));
	}

	/** The answer to {@code navigator.credentials.get()} with these options. */
	/**
	 * Adds this authenticator's passkey to the signed-in account as the page's script
	 * does ({@code /customer/passkeys}, unnamed); the answer to the form's POST.
	 */
	public WebClient.Page addTo(WebClient account, String origin) {
		account.get("/customer/passkeys");
		var options = account.post("/customer/passkeys/options", java.util.Map.of());
		org.assertj.core.api.Assertions.assertThat(options.status()).isEqualTo(200);
		return account.post("/customer/passkeys",
				java.util.Map.of("response", register(options(options.body()), origin), "name", ""));
	}

	public String signIn(JsonNode requestOptions, String origin) {
		return signIn(requestOptions.get("challenge").asString(), requestOptions.get("rpId").asString(), origin);
	}

	/** Signs an answer to the challenge; the counter grows by one first. */
	public String signIn(String challenge, String rpId, String origin) {
		counter++;
		return signWithCounter(challenge, rpId, origin);
	}

	/** Signs an answer with the counter as it stands, grown or not. */
	public String signWithCounter(String challenge, String rpId, String origin) {
		var clientData = clientData("webauthn.get", challenge, origin);
		byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);
		var authenticatorData = new AuthenticatorDataConverter(CONVERTER)
			.convert(new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, counter));
		var signed = ByteBuffer.allocate(authenticatorData.length + 32)
			.put(authenticatorData)
			.put(sha256(clientData))
			.array();
		var response = new LinkedHashMap<String, Object>();
		response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
		response.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
		response.put("signature", BASE64URL.encodeToString(sign(signed)));
		response.put("userHandle", BASE64URL.encodeToString(userHandle));
		return credential(response, Map.of());
	}

	private String credential(Map<String, Object> response, Map<String, Object> extensions) {
		var credential = new LinkedHashMap<String, Object>();
		credential.put("id", credentialId());
		credential.put("rawId", credentialId());
		credential.put("type", "public-key");
		credential.put("authenticatorAttachment", "platform");
		credential.put("response", response);
		credential.put("clientExtensionResults", extensions);
		return JSON.writeValueAsString(credential);
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		var data = new LinkedHashMap<String, Object>();
		data.put("type", type);
		data.put("challenge", challenge);
		data.put("origin", origin);
		data.put("crossOrigin", false);
		return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] sign(byte[] data) {
		try {
			var signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(keys.getPrivate());
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
