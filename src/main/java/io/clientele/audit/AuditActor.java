package io.clientele.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who did something, as the trail names them, and from which client address: a staff
 * member by address, the console, a customer. Delivery code knows who acts; it passes
 * this value to the feature, which records it in the action's own transaction.
 *
 * @param name how the trail names the actor (a staff member's e-mail address,
 * {@code console}, {@code customer})
 * @param clientAddress where the request came from; none for the console
 */
public record AuditActor(String name, @Nullable String clientAddress) {

	/** The name of the operator at the command line. */
	public static final String CONSOLE = "console";

	public AuditActor {
		if (name.isBlank()) {
			throw new IllegalArgumentException("An audit actor needs a name");
		}
	}

	/** A signed-in staff member, named by their address. */
	public static AuditActor staff(String email, @Nullable String clientAddress) {
		return new AuditActor(email, clientAddress);
	}

	/** An operator running a console command. */
	public static AuditActor console() {
		return new AuditActor(CONSOLE, null);
	}

}
