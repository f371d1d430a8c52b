package io.clientele.support;

import java.util.Optional;

import io.clientele.credentials.LoginAttempt;
import io.clientele.credentials.PasswordCheck;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordManagement.VerifiedPassword;
import io.clientele.customer.CustomerId;

/** Password checks as tests ask them: through the lockout, like every other check. */
public final class Passwords {

	private Passwords() {
	}

	/** The verified password, or empty when it is wrong or the account is blocked. */
	public static Optional<VerifiedPassword> verify(PasswordManagement passwords, String email, String password) {
		return passwords.login(email, password,
				LoginAttempt.unknownClient()) instanceof PasswordCheck.Passed<VerifiedPassword> passed
						? Optional.of(passed.value()) : Optional.empty();
	}

	/** Whether the password is the customer's current one. */
	public static boolean isCurrent(PasswordManagement passwords, CustomerId customer, String password) {
		return passwords.confirmCurrent(customer, password,
				LoginAttempt.unknownClient()) instanceof PasswordCheck.Passed<?>;
	}

}
