package io.clientele.authentication;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

	CustomerSessions(FindByIndexNameSessionRepository<? extends Session> sessions, CustomerManagement customers,
			LoginThrottle throttle) {
		this.sessions = sessions;
		this.customers = customers;
		this.throttle = throttle;
	}

	/**
	 * After a password change every other session of the customer ends; the session of
	 * the request that changed it stays. After a reset every session ends and the lockout
	 * is cleared.
	 */
	@EventListener
	void on(PasswordChanged event) {
		var keep = event.reset() ? null : currentSessionId();
		sessions.findByPrincipalName(event.customerId().toString())
			.keySet()
			.stream()
			.filter(id -> !id.equals(keep))
			.forEach(sessions::deleteById);
		if (event.reset()) {
			customers.find(event.customerId()).ifPresent(customer -> throttle.clear(customer.email().value()));
		}
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
