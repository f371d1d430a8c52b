package io.clientele.multifactor;

import java.util.UUID;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.customer.CustomerDetails;
import io.clientele.notification.Recipient;

/**
 * Whose second factors: a customer or a staff member, and where their mails go.
 *
 * @param kind customer or staff
 * @param id the customer's or the staff member's id
 * @param recipient the owner's address, name and language for the mails about their
 * factors
 */
public record FactorOwner(Kind kind, UUID id, Recipient recipient) {

	public enum Kind {

		CUSTOMER, STAFF

	}

	/** A customer, with the address their mails go to. */
	public static FactorOwner customer(CustomerDetails customer) {
		return new FactorOwner(Kind.CUSTOMER, customer.id().value(), new Recipient(customer.email(),
				customer.fullName(), customer.locale().locale(), customer.id().value()));
	}

	/** A staff member; the staff module knows their address. */
	public static FactorOwner staff(UUID staffId, Recipient recipient) {
		return new FactorOwner(Kind.STAFF, staffId, recipient);
	}

	/** The customer the audit entries are about; none for staff. */
	@org.jspecify.annotations.Nullable
	UUID auditedCustomer() {
		return kind == Kind.CUSTOMER ? id : null;
	}

	/** The owner acting on their own factors, as the audit trail names them. */
	AuditActor self() {
		return new AuditActor(kind == Kind.CUSTOMER ? AuditTrail.CUSTOMER : recipient.email().value(),
				AuditTrail.currentClientAddress());
	}

}
