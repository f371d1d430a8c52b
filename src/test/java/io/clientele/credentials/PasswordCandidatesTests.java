package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerLocale;
import io.clientele.shared.CustomerReference;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.Violation;

/**
 * Whose password may be shorter: credentials asks {@link SecondFactorPresence} (here a
 * stand-in for the multi-factor module's bean) and counts everyone as single-factor
 * without one.
 */
class PasswordCandidatesTests {

	static final String EIGHT = "Tq7#vL2p";

	static final String SEVEN = "Tq7#vL2";

	static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	final UUID withFactor = UUID.randomUUID();

	final UUID withoutFactor = UUID.randomUUID();

	// NIST's lengths without the strength rule (which rates no 8 characters "strong", see
	// PasswordPolicyTests)
	PasswordPolicy policy = new PasswordPolicy(
			CredentialsTestSettings.withPolicy(CredentialsTestSettings.lengths(15, 8)), new PasswordStrength());

	/** The multi-factor module as far as credentials sees it: these ids have a factor. */
	record Factors(Set<UUID> owners) implements SecondFactorPresence {

		public boolean customerHasSecondFactor(UUID customerId) {
			return owners.contains(customerId);
		}

		public boolean staffHasSecondFactor(UUID staffId) {
			return owners.contains(staffId);
		}

	}

	static PasswordCandidates candidates(SecondFactorPresence... beans) {
		var context = new StaticListableBeanFactory();
		for (int i = 0; i < beans.length; i++) {
			context.addBean("secondFactorPresence" + i, beans[i]);
		}
		return new PasswordCandidates(context.getBeanProvider(SecondFactorPresence.class));
	}

	static CustomerDetails customer(UUID id) {
		return new CustomerDetails(new CustomerId(id), CustomerReference.of("DE--1"),
				EmailAddress.of("ann@example.com"), null, "Ann", "Lee", null, null, null, null, CustomerLocale.EN_US,
				NOW, NOW, NOW, null, null, NOW, null, false, null, 0);
	}

	@Test
	void aCustomerWithASecondFactorMayHaveEightCharactersButNotSeven() {
		var candidates = candidates(new Factors(Set.of(withFactor)));

		assertThat(policy.check(candidates.customer(customer(withFactor), EIGHT))).isEmpty();
		assertThat(policy.check(candidates.customer(customer(withFactor), SEVEN)))
			.contains(Violation.of("password", "password.too-short", 8));
	}

	@Test
	void aCustomerWithoutASecondFactorNeedsFifteenCharacters() {
		var candidates = candidates(new Factors(Set.of(withFactor)));

		assertThat(policy.check(candidates.customer(customer(withoutFactor), EIGHT)))
			.containsExactly(Violation.of("password", "password.too-short", 15));
	}

	@Test
	void withoutAPresenceBeanEveryAccountCountsAsSingleFactor() {
		var candidates = candidates();

		assertThat(candidates.customerHasSecondFactor(new CustomerId(withFactor))).isFalse();
		assertThat(candidates.staffHasSecondFactor(withFactor)).isFalse();
		assertThat(policy.check(candidates.customer(customer(withFactor), EIGHT)))
			.containsExactly(Violation.of("password", "password.too-short", 15));
	}

	@Test
	void aStaffMemberWithASecondFactorMayHaveEightCharactersButANewStaffMemberNeedsFifteen() {
		var candidates = candidates(new Factors(Set.of(withFactor)));

		assertThat(policy.check(candidates.staff(withFactor, "sam@example.com", "Sam Staff", EIGHT))).isEmpty();
		assertThat(policy.check(candidates.staff(null, "sam@example.com", "Sam Staff", EIGHT)))
			.containsExactly(Violation.of("password", "password.too-short", 15));
	}

	@Test
	void aFactorAddedLaterCountsAtTheNextCheck() {
		var owners = new java.util.HashSet<UUID>();
		var candidates = candidates(new Factors(owners));
		var before = policy.check(candidates.customer(customer(withFactor), EIGHT));

		owners.add(withFactor);

		assertThat(before).containsExactly(Violation.of("password", "password.too-short", 15));
		assertThat(policy.check(candidates.customer(customer(withFactor), EIGHT))).isEmpty();
	}

}
