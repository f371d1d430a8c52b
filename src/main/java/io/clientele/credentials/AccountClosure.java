package io.clientele.credentials;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
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

	/**
	 * Closes the account if the password is the customer's current one (checked and
	 * counted like a login); otherwise changes nothing and says why.
	 */
	public PasswordCheck<CustomerId> close(CustomerId customerId, String currentPassword, LoginAttempt attempt) {
		var customer = customers.find(customerId).filter(c -> !c.anonymized()).orElseThrow();
		var checked = passwords.confirmCurrent(customerId, currentPassword, attempt);
		if (!(checked instanceof PasswordCheck.Passed<?> passed)) {
			return checked instanceof PasswordCheck.Blocked<?> blocked
					? new PasswordCheck.Blocked<>(blocked.remaining()) : new PasswordCheck.Failed<>();
		}
		// the recipient is taken before the address is replaced
		var recipient = CustomerRecipients.of(customer);
		transaction.executeWithoutResult(status -> {
			customers.anonymize(customerId);
			mails.accountDeleted(recipient);
			audit.record(AuditType.ACCOUNT_DELETED, customerId.value(), AuditTrail.CUSTOMER,
					AuditTrail.currentClientAddress(), "closed by the customer");
		});
		return new PasswordCheck.Passed<>(customerId, passed.deviceToken());
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
