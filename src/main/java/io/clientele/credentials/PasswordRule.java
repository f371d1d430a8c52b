package io.clientele.credentials;

import java.util.Optional;

import io.clientele.shared.Violation;

/** One rule of the password policy. */
interface PasswordRule {

	Optional<Violation> check(PasswordCandidate candidate);

	static int length(String password) {
		// characters as people count them (code points), never UTF-16 units
		return password.codePointCount(0, password.length());
	}

	static Optional<Violation> violation(String messageKey, Object... arguments) {
		return Optional.of(Violation.of("password", messageKey, arguments));
	}

}
