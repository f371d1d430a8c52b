package io.clientele.passkeys;

import java.util.Locale;

/** Why a passkey ceremony or change was refused; nothing was changed. */
public enum PasskeyProblem {

	/** No challenge of this session, or it was answered already or is too old. */
	EXPIRED,

	/** The browser's answer is not a WebAuthn response at all. */
	MALFORMED,

	/**
	 * The response failed verification: another challenge or origin, a bad signature, a
	 * replayed counter, no user verification.
	 */
	NOT_VERIFIED,

	/** No account has this passkey (it was removed, or never added here). */
	UNKNOWN_PASSKEY,

	/** The authenticator did not keep the passkey on the device (not discoverable). */
	NOT_DISCOVERABLE,

	/** This passkey is on the account already. */
	ALREADY_ADDED,

	/** The account holds as many passkeys as allowed. */
	TOO_MANY,

	/** The account may not sign in (blocked or not confirmed), as with a password. */
	ACCOUNT_REFUSED,

	/** A name that is blank or too long. */
	NAME_INVALID,

	/** No passkey of the customer's has this id. */
	NOT_FOUND;

	/** The message key of the problem, e.g. {@code passkeys.problem.not-verified}. */
	public String messageKey() {
		return "passkeys.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
