package io.clientele.credentials;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerDetails;
import io.clientele.shared.Violation;

/**
 * The policy plus, when configured, the rule that the last passwords may not come back.
 */
@Component
class NewPasswordCheck {

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PasswordRepository passwords;

	NewPasswordCheck(PasswordPolicy policy, PasswordHashing hashing, PasswordRepository passwords) {
		this.policy = policy;
		this.hashing = hashing;
		this.passwords = passwords;
	}

	List<Violation> check(CustomerDetails customer, String newPassword) {
		var violations = new ArrayList<>(policy.check(new PasswordCandidate(newPassword, customer.email().value(),
				customer.firstName(), customer.lastName())));
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
