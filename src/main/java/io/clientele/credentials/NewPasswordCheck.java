package io.clientele.credentials;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerDetails;
import io.clientele.shared.Violation;

/**
 * The policy for a customer's new password (their words, their second factor) plus, when
 * configured, the rule that the last passwords may not come back.
 */
@Component
class NewPasswordCheck {

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	private final PasswordCandidates candidates;

	NewPasswordCheck(PasswordPolicy policy, PasswordHashing hashing, PasswordRepository passwords,
			PasswordCandidates candidates) {
		this.policy = policy;
		this.candidates = candidates;
		this.hashing = hashing;
		this.passwords = passwords;
	}

	List<Violation> check(CustomerDetails customer, String newPassword) {
		var violations = new ArrayList<>(policy.check(candidates.customer(customer, newPassword)));
		var historySize = policy.historySize();
		if (violations.isEmpty() && historySize > 0
				&& passwords.recentHashes(customer.id().value(), historySize)
					.stream()
					.anyMatch(hash -> hashing.verify(hash, newPassword))) {
			violations.add(Violation.of("password", "password.reused", historySize));
		}
		return violations;
	}

}
