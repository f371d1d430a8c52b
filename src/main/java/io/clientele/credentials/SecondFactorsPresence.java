package io.clientele.credentials;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.clientele.multifactor.SecondFactors;

/** The password rules' view of the multi-factor module. */
@Component
class SecondFactorsPresence implements SecondFactorPresence {

	private final SecondFactors factors;

	SecondFactorsPresence(SecondFactors factors) {
		this.factors = factors;
	}

	@Override
	public boolean customerHasSecondFactor(UUID customerId) {
		return factors.customerEnabled(customerId);
	}

	@Override
	public boolean staffHasSecondFactor(UUID staffId) {
		return factors.staffEnabled(staffId);
	}

}
