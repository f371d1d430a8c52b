package io.clientele.credentials;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.clientele.shared.InvalidInput;

/** Passwords of back-office staff, under the same policy and hashing as customers'. */
@Component
public class StaffCredentials {

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final Clock clock;

	StaffCredentials(PasswordPolicy policy, PasswordHashing hashing, PasswordRepository passwords, Clock clock) {
		this.policy = policy;
		this.hashing = hashing;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Sets the staff member's password.
	 * @throws InvalidInput when the password breaks the policy
	 */
	public void setPassword(UUID staffId, String email, String password) {
		var violations = policy.check(new PasswordCandidate(password, email, null, null));
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		passwords.store(staffId, hashing.hash(password), clock.instant());
	}

	/**
	 * Whether the password is the staff member's; costs one verification even without a
	 * password.
	 */
	public boolean verify(UUID staffId, String password) {
		var hash = passwords.findHash(staffId);
		if (hash.isEmpty()) {
			hashing.verifyDecoy(password);
			return false;
		}
		return hashing.verify(hash.get(), password);
	}

}
