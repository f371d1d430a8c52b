package io.clientele.authentication;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.clientele.credentials.LoginThrottle;
import io.clientele.credentials.PasswordChanged;
import io.clientele.customer.CustomerAnonymized;
import io.clientele.customer.CustomerBlocked;
import io.clientele.customer.CustomerManagement;

/** A customer's sessions on every node, stored in PostgreSQL. */
@Component
public class CustomerSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final CustomerManagement customers;

	private final LoginThrottle throttle;

	private final AccessCutoff cutoff;

	CustomerSessions(FindByIndexNameSessionRepository<? extends Session> sessions, CustomerManagement customers,
			LoginThrottle throttle, AccessCutoff cutoff) {
		this.sessions = sessions;
		this.customers = customers;
		this.throttle = throttle;
		this.cutoff = cutoff;
	}

	/**
	 * After a password change every other session of the customer ends; the session of
	 * the request that changed it stays. After a reset every session ends and the lockout
	 * is cleared.
	 */
	@EventListener
	void on(PasswordChanged event) {
		if (!event.reset()) {
			signOutEverywhereElse(event.customerId());
			return;
		}
		signOutEverywhere(event.customerId());
		customers.find(event.customerId()).ifPresent(customer -> throttle.clear(customer.email().value()));
	}

	static final String BROWSER = "clientele.browser";

	static final String CLIENT_ADDRESS = "clientele.client-address";

	/** A session of the customer as the account page lists it. */
	public record ActiveSession(String handle, @Nullable String browser, @Nullable String clientAddress,
			java.time.Instant signedInAt, java.time.Instant lastUsedAt, boolean current) {
	}

	/** Notes the browser and client address of a session at its login. */
	public static void describe(jakarta.servlet.http.HttpSession session, @Nullable String userAgent,
			@Nullable String clientAddress) {
		session.setAttribute(BROWSER,
				userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())));
		session.setAttribute(CLIENT_ADDRESS, clientAddress);
	}

	/**
	 * The customer's sessions, the most recently used first. Each is named by a handle (a
	 * hash), never by its session id, which is a credential.
	 */
	public java.util.List<ActiveSession> of(io.clientele.customer.CustomerId customer) {
		var current = currentSessionId();
		return sessions.findByPrincipalName(customer.toString())
			.values()
			.stream()
			.map(session -> new ActiveSession(handle(session.getId()), session.getAttribute(BROWSER),
					session.getAttribute(CLIENT_ADDRESS), session.getCreationTime(), session.getLastAccessedTime(),
					session.getId().equals(current)))
			.sorted(java.util.Comparator.comparing(ActiveSession::lastUsedAt).reversed())
			.toList();
	}

	/**
	 * Ends one of the customer's sessions by its handle; another customer's session, or
	 * an unknown handle, ends nothing. Returns whether a session ended.
	 */
	public boolean signOut(io.clientele.customer.CustomerId customer, String handle) {
		var session = sessions.findByPrincipalName(customer.toString())
			.keySet()
			.stream()
			.filter(id -> handle(id).equals(handle))
			.findFirst();
		session.ifPresent(sessions::deleteById);
		return session.isPresent();
	}

	/**
	 * Ends every session of the customer except the one of this request, and every API
	 * token issued until now (the request's own, if it came with one).
	 */
	public void signOutEverywhereElse(io.clientele.customer.CustomerId customer) {
		cutoff.cutOff(customer);
		var keep = currentSessionId();
		sessions.findByPrincipalName(customer.toString())
			.keySet()
			.stream()
			.filter(id -> !id.equals(keep))
			.forEach(sessions::deleteById);
	}

	private static String handle(String sessionId) {
		return io.clientele.shared.Sha256.hex("session:" + sessionId).substring(0, 32);
	}

	/** A closed account is signed out everywhere at once. */
	@EventListener
	void on(CustomerAnonymized event) {
		signOutEverywhere(event.customerId());
	}

	/** A blocked account is signed out everywhere at once. */
	@EventListener
	void on(CustomerBlocked event) {
		signOutEverywhere(event.customerId());
	}

	private void signOutEverywhere(io.clientele.customer.CustomerId customer) {
		cutoff.cutOff(customer);
		sessions.findByPrincipalName(customer.toString()).keySet().forEach(sessions::deleteById);
	}

	private static @Nullable String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			var session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

}
