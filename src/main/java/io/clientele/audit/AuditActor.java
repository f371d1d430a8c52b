package io.clientele.audit;

/**
 * A signed-in principal that names itself in the trail (a staff member by address, a
 * customer as "customer").
 */
public interface AuditActor {

	String auditName();

}
