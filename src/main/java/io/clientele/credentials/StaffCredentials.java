package io.clientele.credentials;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

/** Passwords of back-office staff, under the same policy and hashing as customers'. */
@Component
public class StaffCredentials {

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final Clock clock;

	private final LoginThrottle throttle;

	private final PasswordCandidates candidates;

	StaffCredentials(PasswordPolicy policy, PasswordHashing hashing, PasswordRepository passwords, Clock clock,
			LoginThrottle throttle, PasswordCandidates candidates) {
		this.candidates = candidates;
		this.throttle = throttle;
		this.policy = policy;
		this.hashing = hashing;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Sets the staff member's password, which must not contain their name either.
	 * @throws InvalidInput when the password breaks the policy
	 */
	public void setPassword(UUID staffId, String email, @Nullable String displayName, String password) {
		var violations = policy.check(candidates.staff(staffId, email, displayName, password));
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		passwords.store(staffId, hashing.hash(password), clock.instant());
	}

	/**
	 * Every way the password breaks the policy for a new staff member (field
	 * {@code password}), who has no second factor yet; none when it may be set.
	 */
	public List<Violation> problemsWith(String password, String email, @Nullable String displayName) {
		return policy.check(candidates.staff(null, email, displayName, password));
	}

	/**
	 * Whether the staff member's verified password still meets today's policy, their
	 * second factor considered: a password set under an older policy keeps working, and
	 * the back office asks its owner to do something about it.
	 */
	public boolean meetsPolicy(UUID staffId, String email, @Nullable String displayName, String password) {
		return policy.check(candidates.staff(staffId, email, displayName, password)).isEmpty();
	}

	/**
	 * A staff login's password check, with the customers' lockout rules counted under
	 * {@code login} (a key apart from any customer account of the same address): the
	 * attempt is reserved before hashing. An unknown address ({@code staffId} empty) and
	 * an account that may not sign in ({@code usable} false) cost the same verification
	 * and fail like a wrong password.
	 */
	public PasswordCheck<UUID> login(String login, java.util.Optional<UUID> staffId, boolean usable, String password,
			LoginAttempt attempt) {
		// an unknown address is checked against a random id without a hash: the decoy
		return throttle.guard(login, attempt, () -> password.length() <= 4096
				&& verify(staffId.orElseGet(UUID::randomUUID), password) && usable && staffId.isPresent(),
				staffId::orElseThrow, failure -> {
				});
	}

	/** Whether the staff login is blocked for untrusted clients right now. */
	public boolean isLockedOut(String login) {
		return throttle.blockedFor(login).isPresent();
	}

	/** Ends a lockout of the staff login at once. */
	public void unlock(String login) {
		throttle.clear(login);
	}

	private boolean verify(UUID staffId, String password) {
		var hash = passwords.findHash(staffId);
		if (hash.isEmpty()) {
			hashing.verifyDecoy(password);
			return false;
		}
		return hashing.verify(hash.get(), password);
	}

}
