package io.clientele.backoffice;

import java.io.IOException;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.clientele.staff.StaffLogin;
import io.clientele.staff.StaffPrincipal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks the signed-in staff member on every back-office request, one look-up by primary
 * key: the session of a deactivated staff member ends here (the back office's security
 * context leaves the session, a customer login of the same browser stays), and a changed
 * name or role takes effect at once, so a demoted admin loses admin pages immediately.
 * Staff sessions cannot be found by staff id in the session table (a browser's one
 * session may also hold a customer login, whose id is its principal name), hence a check
 * on use rather than a deletion.
 */
final class BackofficeStaffSessionFilter extends OncePerRequestFilter {

	private final StaffLogin login;

	private final SecurityContextRepository contexts;

	BackofficeStaffSessionFilter(StaffLogin login, SecurityContextRepository contexts) {
		this.login = login;
		this.contexts = contexts;
	}

	/**
	 * The authentication of a staff member: their role becomes ROLE_ADMIN or
	 * ROLE_SUPPORT.
	 */
	static Authentication authenticated(StaffPrincipal staff) {
		return UsernamePasswordAuthenticationToken.authenticated(staff, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var holder = SecurityContextHolder.getContextHolderStrategy();
		var authentication = holder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal signedIn) {
			var current = login.current(signedIn);
			if (current.isEmpty()) {
				holder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.removeAttribute(BackofficeSecurityConfiguration.SECURITY_CONTEXT_KEY);
				}
			}
			else if (!current.get().equals(signedIn)) {
				var context = holder.createEmptyContext();
				context.setAuthentication(authenticated(current.get()));
				holder.setContext(context);
				contexts.saveContext(context, request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
