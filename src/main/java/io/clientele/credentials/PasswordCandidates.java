package io.clientele.credentials;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;

/**
 * A password as the policy sees it for one account: with the owner's words and whether
 * the owner has a second factor, asked of {@link SecondFactorPresence} each time (a
 * factor added or removed counts at once). Without that bean nobody has a second factor.
 */
@Component
class PasswordCandidates {

	// looked up when asked, not at start-up: the provider may itself need credentials
	private final ObjectProvider<SecondFactorPresence> presence;

	PasswordCandidates(ObjectProvider<SecondFactorPresence> presence) {
		this.presence = presence;
	}

	PasswordCandidate customer(CustomerDetails customer, String password) {
		return new PasswordCandidate(password, customer.email().value(), customer.firstName(), customer.lastName(),
				customerHasSecondFactor(customer.id()));
	}

	/** The display name counts as the person's name: no part of it in the password. */
	PasswordCandidate staff(@Nullable UUID staffId, String email, @Nullable String displayName, String password) {
		return new PasswordCandidate(password, email, displayName, null,
				staffId != null && staffHasSecondFactor(staffId));
	}

	boolean customerHasSecondFactor(CustomerId customer) {
		var factors = presence.getIfAvailable();
		return factors != null && factors.customerHasSecondFactor(customer.value());
	}

	boolean staffHasSecondFactor(UUID staffId) {
		var factors = presence.getIfAvailable();
		return factors != null && factors.staffHasSecondFactor(staffId);
	}

}
