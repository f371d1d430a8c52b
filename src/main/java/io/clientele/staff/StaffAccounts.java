package io.clientele.staff;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.credentials.StaffCredentials;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;

/** Creates and finds back-office staff accounts. */
@Component
public class StaffAccounts {

	private final StaffAccountRepository accounts;

	private final StaffCredentials credentials;

	private final Clock clock;

	StaffAccounts(StaffAccountRepository accounts, StaffCredentials credentials, Clock clock) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.clock = clock;
	}

	public boolean anyExist() {
		return accounts.count() > 0;
	}

	public Optional<StaffSummary> findByEmail(EmailAddress email) {
		return accounts.findByEmail(email.value()).map(StaffAccount::summary);
	}

	/**
	 * Creates a staff account with the given password.
	 * @throws InvalidInput when the password breaks the policy
	 */
	@Transactional
	public StaffSummary create(EmailAddress email, String displayName, StaffRole role, String password) {
		var account = accounts.save(StaffAccount.create(email, displayName, role, clock.instant()));
		credentials.setPassword(account.id(), email.value(), password);
		return account.summary();
	}

}
