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
	 * Closes the account if the password is the customer's current one; returns false,
	 * changing nothing, otherwise.
	 */
	public boolean close(CustomerId customerId, String currentPassword) {
		var customer = customers.find(customerId).filter(c -> !c.anonymized()).orElseThrow();
		if (!passwords.isCurrentPassword(customerId, currentPassword)) {
			return false;
		}
		// the recipient is taken before the address is replaced
		var recipient = CustomerRecipients.of(customer);
		transaction.executeWithoutResult(status -> {
			customers.anonymize(customerId);
			mails.accountDeleted(recipient);
			audit.record(AuditType.ACCOUNT_DELETED, customerId.value(), AuditTrail.CUSTOMER,
					AuditTrail.currentClientAddress(), "closed by the customer");
		});
		return true;
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
