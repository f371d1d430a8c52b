package io.clientele.authentication;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.credentials.LoginAttempt;
import io.clientele.credentials.LoginThrottle;
import io.clientele.credentials.PasswordCheck;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordManagement.VerifiedPassword;
import io.clientele.credentials.Registrations;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.multifactor.SecondFactors;

/**
 * A customer's login with address and password, the same for the storefront and the API:
 * the attempt is reserved against the lockout before the password is hashed (credentials
 * counts it, audits it and tells the owner of a block); an unknown address, a wrong
 * password and an unconfirmed or blocked account fail alike. An account with a second
 * factor is admitted only with its code, checked and counted by {@link SecondFactors}.
 */
@Component
public class CustomerLogin {

	private final PasswordManagement passwords;

	private final Registrations registrations;

	private final LoginThrottle throttle;

	private final AuditTrail audit;

	private final SecondFactors factors;

	private final CustomerManagement customers;

	CustomerLogin(PasswordManagement passwords, Registrations registrations, LoginThrottle throttle, AuditTrail audit,
			SecondFactors factors, CustomerManagement customers) {
		this.audit = audit;
		this.factors = factors;
		this.customers = customers;
		this.passwords = passwords;
		this.registrations = registrations;
		this.throttle = throttle;
	}

	/**
	 * Checks the password, then, if the account has a second factor, the code the proof
	 * carries (none yet in a two-step form: then {@link LoginOutcome.SecondFactorNeeded},
	 * and a mailed code goes out when mail is the only method). Success is audited once
	 * both factors passed. Not one transaction: no connection is held while the password
	 * is hashed.
	 */
	public LoginOutcome<CustomerPrincipal> attempt(String email, String password, LoginAttempt attempt,
			SecondFactorProof proof) {
		return switch (passwords.login(email, password, attempt)) {
			case PasswordCheck.Blocked<VerifiedPassword> blocked -> new LoginOutcome.Blocked<>(blocked.remaining());
			case PasswordCheck.Failed<VerifiedPassword> failed -> new LoginOutcome.Failed<>();
			case PasswordCheck.Passed<VerifiedPassword> passed -> admit(passed, attempt, proof);
		};
	}

	/**
	 * The second step of a login whose password passed: admits the customer if the code
	 * is right (or the proof's grace period covers it) and the account may still log in.
	 */
	public LoginOutcome<CustomerPrincipal> complete(CustomerPrincipal pending, String deviceToken,
			SecondFactorProof proof, @Nullable String clientAddress) {
		var customer = customers.find(pending.id());
		if (customer.isEmpty() || customer.get().anonymized() || customer.get().blocked()) {
			return new LoginOutcome.Failed<>();
		}
		return secondStep(customer.get(), pending, deviceToken, proof, clientAddress);
	}

	private LoginOutcome<CustomerPrincipal> admit(PasswordCheck.Passed<VerifiedPassword> passed, LoginAttempt attempt,
			SecondFactorProof proof) {
		var customer = passed.value().customer();
		var refusal = refusal(customer);
		if (refusal.isPresent()) {
			audit.record(AuditType.LOGIN_FAILED, customer.id().value(), AuditTrail.ANONYMOUS, attempt.clientAddress(),
					refusal.get());
			return new LoginOutcome.Failed<>();
		}
		var principal = new CustomerPrincipal(customer.id().value(), customer.reference().value(),
				customer.locale().code(), passed.value().status());
		return secondStep(customer, principal, passed.deviceToken(), proof, attempt.clientAddress());
	}

	private LoginOutcome<CustomerPrincipal> secondStep(CustomerDetails customer, CustomerPrincipal principal,
			String deviceToken, SecondFactorProof proof, @Nullable String clientAddress) {
		var check = factors.require(FactorOwner.customer(customer), proof);
		if (!check.satisfied()) {
			return new LoginOutcome.SecondFactorNeeded<>(principal, deviceToken, check);
		}
		audit.record(AuditType.LOGIN_SUCCEEDED, customer.id().value(), AuditTrail.CUSTOMER, clientAddress,
				check instanceof SecondFactorCheck.Satisfied satisfied && satisfied.recoveryCodeUsed() ? "recovery code"
						: null);
		return new LoginOutcome.Succeeded<>(principal, deviceToken);
	}

	/**
	 * A login proven by another method than the password ({@code method}, e.g. a passkey
	 * with user verification, which counts as both factors): the account may log in only
	 * as with a password (not blocked, confirmed under double opt-in, not closed), and
	 * the login is on the record with the method as its detail. Empty when it may not. No
	 * password was checked, so the principal's password counts as compliant. The method
	 * proved both factors: it opens the grace period of {@code graceKey} (the session's
	 * or token family's), as a code at login does.
	 */
	@Transactional
	public Optional<CustomerPrincipal> admit(CustomerId customerId, @Nullable String clientAddress, String method,
			@Nullable String graceKey) {
		var found = customers.find(customerId).filter(customer -> !customer.anonymized());
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var customer = found.get();
		var refusal = refusal(customer);
		if (refusal.isPresent()) {
			audit.record(AuditType.LOGIN_FAILED, customer.id().value(), AuditTrail.ANONYMOUS, clientAddress,
					method + ": " + refusal.get());
			return Optional.empty();
		}
		audit.record(AuditType.LOGIN_SUCCEEDED, customer.id().value(), AuditTrail.CUSTOMER, clientAddress, method);
		if (graceKey != null) {
			factors.grant(FactorOwner.customer(customer), graceKey);
		}
		return Optional.of(new CustomerPrincipal(customer.id().value(), customer.reference().value(),
				customer.locale().code(), PasswordManagement.PasswordStatus.COMPLIANT));
	}

	// Why an account whose owner proved who they are still may not log in.
	private Optional<String> refusal(CustomerDetails customer) {
		if (customer.blocked()) {
			return Optional.of("blocked");
		}
		if (registrations.doubleOptIn() && !customer.confirmed()) {
			return Optional.of("unconfirmed");
		}
		return Optional.empty();
	}

	/** The customers whose accounts are blocked after repeated failures right now. */
	public List<CustomerId> lockedCustomers() {
		return throttle.lockedCustomers().stream().map(CustomerId::new).toList();
	}

	/** Whether the account is blocked after repeated failures right now. */
	public boolean isLockedOut(String email) {
		return throttle.blockedFor(email).isPresent();
	}

	/**
	 * Staff's "unlock": ends a lockout of the account at once, on the record in the same
	 * transaction.
	 */
	@Transactional
	public void unlock(CustomerDetails customer, AuditActor actor) {
		throttle.clear(customer.email().value());
		audit.record(AuditType.UNLOCKED, customer.id().value(), actor, null);
	}

}
