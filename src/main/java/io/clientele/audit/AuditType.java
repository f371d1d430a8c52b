package io.clientele.audit;

/** What happened; staff actions and the customer's own security events. */
public enum AuditType {

	// staff actions on a customer
	CUSTOMER_CREATED, PROFILE_CHANGED, ADDRESS_ADDED, ADDRESS_CHANGED, ADDRESS_DELETED, LOGIN_LINK_SENT,
	RESET_LINK_SENT, PASSWORD_GENERATED, PASSWORD_SET, PASSWORD_CHANGE_REQUIRED, UNLOCKED, BLOCKED, UNBLOCKED,
	ACCOUNT_DELETED, NOTE_ADDED, GROUP_ADDED, GROUP_REMOVED, MFA_REMOVED,

	// staff actions on a customer's mail (a link mail resent gets a new link)
	MAIL_RESENT, MAIL_DELETED,

	// staff actions on many customers at once (no customer of their own)
	CUSTOMERS_IMPORTED, CUSTOMERS_EXPORTED, ADDRESSES_IMPORTED, GROUPS_IMPORTED,

	// security events of the customer
	LOGIN_SUCCEEDED, LOGIN_FAILED, LOCKED_OUT, RESET_REQUESTED, RESET_COMPLETED, PASSWORD_CHANGED, EMAIL_CHANGED,

	// second factors of the customer (or of a staff member, with no customer)
	MFA_ENABLED, MFA_DISABLED, MFA_FLOW_RESET, MFA_LOCKED, RECOVERY_CODE_USED, RECOVERY_CODES_REGENERATED,

	// security events of the customer: passkeys
	PASSKEY_ADDED, PASSKEY_REMOVED;

	// named, not by their place: a type added at the end must not become one by accident
	private static final java.util.Set<AuditType> SECURITY_EVENTS = java.util.EnumSet.of(LOGIN_SUCCEEDED, LOGIN_FAILED,
			LOCKED_OUT, RESET_REQUESTED, RESET_COMPLETED, PASSWORD_CHANGED, EMAIL_CHANGED, MFA_ENABLED, MFA_DISABLED,
			MFA_FLOW_RESET, MFA_LOCKED, RECOVERY_CODE_USED, RECOVERY_CODES_REGENERATED, PASSKEY_ADDED, PASSKEY_REMOVED);

	/** Whether it is a security event of the customer's own (not a staff action). */
	public boolean securityEvent() {
		return SECURITY_EVENTS.contains(this);
	}

	/** The message key of the type's name. */
	public String messageKey() {
		return "audit.type." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
