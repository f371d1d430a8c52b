package io.clientele.multifactor;

import org.jspecify.annotations.Nullable;

/**
 * What a protected action brings as its second factor: a code (authenticator app,
 * e-mailed or recovery code; none if the caller sent none) and the key of the session or
 * API token family it runs in, whose grace period spares a new code.
 *
 * @param code the code as typed, or {@code null}
 * @param graceKey the session's or token family's grace key, or {@code null} when there
 * is none (a login)
 */
public record SecondFactorProof(@Nullable String code, @Nullable String graceKey) {

	/** No code and no session: passes only an owner without second factors. */
	public static SecondFactorProof none() {
		return new SecondFactorProof(null, null);
	}

	public boolean hasCode() {
		return code != null && !code.isBlank();
	}

}
