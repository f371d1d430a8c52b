package io.clientele.credentials;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.notification.CustomerMails;

/**
 * A customer closes their own account: the current password confirms it, then the account
 * is anonymised (every module removes its data in the same transaction) and the old
 * address gets a last mail.
 */
@Component
public class AccountClosure {

	private final CustomerManagement customers;

	private final PasswordManagement passwords;

	private final CustomerMails mails;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	AccountClosure(CustomerManagement customers, PasswordManagement passwords, CustomerMails mails, AuditTrail audit,
			TransactionTemplate transaction) {
		this.customers = customers;
		this.passwords = passwords;
		this.mails = mails;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** What became of a closure. */
	public sealed interface ClosureOutcome {

		record Closed() implements ClosureOutcome {
		}

		/** The current password was wrong (counted as a failed login). */
		record WrongPassword() implements ClosureOutcome {
		}

		/** Too many failures: the password was not checked. */
		record Blocked(Duration remaining) implements ClosureOutcome {
		}

		/** The account has a second factor and its code did not come or was refused. */
		record SecondFactorRefused(SecondFactorCheck check) implements ClosureOutcome {
		}

	}

	/**
	 * Closes the account if the password is the customer's current one (checked and
	 * counted like a login) and the second factor, if any, passes; otherwise changes
	 * nothing and says why.
	 */
	public ClosureOutcome close(CustomerId customerId, String currentPassword, LoginAttempt attempt,
			SecondFactorProof proof) {
		var customer = customers.find(customerId).filter(c -> !c.anonymized()).orElseThrow();
		var checked = passwords.confirmCurrent(customerId, currentPassword, attempt);
		if (checked instanceof PasswordCheck.Blocked<?> blocked) {
			return new ClosureOutcome.Blocked(blocked.remaining());
		}
		if (!(checked instanceof PasswordCheck.Passed<?>)) {
			return new ClosureOutcome.WrongPassword();
		}
		return closeVerified(customer, proof);
	}

	/**
	 * Closes the account of a customer signed in with an API token, which Glue's
	 * {@code DELETE /customers/{ref}} does without a password: the second factor, if the
	 * account has one, must pass.
	 */
	public ClosureOutcome closeSignedIn(CustomerId customerId, SecondFactorProof proof) {
		var customer = customers.find(customerId).filter(c -> !c.anonymized()).orElseThrow();
		return closeVerified(customer, proof);
	}

	private ClosureOutcome closeVerified(CustomerDetails customer, SecondFactorProof proof) {
		var secondFactor = passwords.secondFactor(customer, proof);
		if (!secondFactor.satisfied()) {
			return new ClosureOutcome.SecondFactorRefused(secondFactor);
		}
		var customerId = customer.id();
		// the recipient is taken before the address is replaced
		var recipient = CustomerRecipients.of(customer);
		transaction.executeWithoutResult(status -> {
			customers.anonymize(customerId);
			mails.accountDeleted(recipient);
			audit.record(AuditType.ACCOUNT_DELETED, customerId.value(), AuditTrail.CUSTOMER,
					AuditTrail.currentClientAddress(), "closed by the customer");
		});
		return new ClosureOutcome.Closed();
	}

	/**
	 * Staff's "delete account" (admins only): the account is anonymised as above, on the
	 * record for the staff member in the same transaction.
	 */
	public void closeByStaff(CustomerId customerId, AuditActor actor) {
		transaction.executeWithoutResult(status -> {
			customers.anonymize(customerId);
			audit.record(AuditType.ACCOUNT_DELETED, customerId.value(), actor, null);
		});
	}

}
