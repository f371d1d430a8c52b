package io.clientele.staff;

/**
 * A change the guard rails forbid, as a message key: {@code staff.refused.last-admin}
 * (there must always be an active admin), {@code staff.refused.own-role} or
 * {@code staff.refused.own-account} (admins neither demote nor deactivate themselves).
 * Nothing was changed.
 */
public class StaffChangeRefused extends RuntimeException {

	private final String messageKey;

	StaffChangeRefused(String messageKey) {
		super("Refused: " + messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
