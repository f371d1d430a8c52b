package io.clientele.passkeys;

import java.util.List;

/**
 * The options a browser passes to {@code navigator.credentials.create()} and
 * {@code get()}, in WebAuthn's JSON form (binary values base64url without padding).
 */
public final class PasskeyOptions {

	private PasskeyOptions() {
	}

	/** {@code PublicKeyCredentialCreationOptionsJSON}. */
	public record Creation(RelyingPartyEntity rp, UserEntity user, String challenge, List<Parameters> pubKeyCredParams,
			long timeout, List<Descriptor> excludeCredentials, AuthenticatorSelection authenticatorSelection,
			String attestation, Extensions extensions) {
	}

	/** {@code PublicKeyCredentialRequestOptionsJSON}. */
	public record Request(String challenge, long timeout, String rpId, List<Descriptor> allowCredentials,
			String userVerification) {
	}

	public record RelyingPartyEntity(String id, String name) {
	}

	public record UserEntity(String id, String name, String displayName) {
	}

	public record Parameters(String type, long alg) {
	}

	public record Descriptor(String type, String id, List<String> transports) {
	}

	public record AuthenticatorSelection(String residentKey, boolean requireResidentKey, String userVerification) {
	}

	public record Extensions(boolean credProps) {
	}

}
