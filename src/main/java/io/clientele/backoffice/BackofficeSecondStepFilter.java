package io.clientele.backoffice;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.clientele.staff.StaffLogin;
import io.clientele.staff.StaffSignInStep;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps a staff member between password and second factor on the second step's page:
 * every other back-office address redirects there (the login page and logging out
 * excepted), so nothing is shown or done before the code. A second step left for longer
 * than {@link #TIMEOUT}, or of an account deactivated meanwhile, is dropped: the password
 * must be typed again.
 */
final class BackofficeSecondStepFilter extends OncePerRequestFilter {

	static final String CODE_PAGE = "/backoffice/login/code";

	static final String ENROL_PAGE = "/backoffice/login/enrol";

	/** How long the second step waits for its code after the password. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private static final Set<String> OPEN = Set.of("/backoffice/login", "/backoffice/login/blocked",
			"/backoffice/login/busy", "/backoffice/logout");

	private final StaffLogin login;

	private final Clock clock;

	BackofficeSecondStepFilter(StaffLogin login, Clock clock) {
		this.login = login;
		this.clock = clock;
	}

	static String pageOf(StaffSignInStep step) {
		return step == StaffSignInStep.ENROL ? ENROL_PAGE : CODE_PAGE;
	}

	/** Ends a second step: the session keeps no trace of the password step. */
	static void drop(HttpServletRequest request) {
		SecurityContextHolder.getContextHolderStrategy().clearContext();
		var session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(BackofficeSecurityConfiguration.SECURITY_CONTEXT_KEY);
			session.removeAttribute(BackofficeEnrolments.SESSION_KEY);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		if (authentication instanceof PendingStaffAuthentication pending) {
			var path = request.getRequestURI().substring(request.getContextPath().length());
			var step = pending.pending();
			var over = step.since().plus(TIMEOUT).isBefore(clock.instant()) || login.current(step.staff()).isEmpty();
			if (over) {
				drop(request);
				if (!OPEN.contains(path)) {
					response.sendRedirect(request.getContextPath() + "/backoffice/login?expired");
					return;
				}
			}
			else if (!OPEN.contains(path) && !path.equals(pageOf(step.step()))) {
				response.sendRedirect(request.getContextPath() + pageOf(step.step()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
