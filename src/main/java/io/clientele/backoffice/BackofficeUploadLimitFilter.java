package io.clientele.backoffice;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import io.clientele.staff.StaffPrincipal;
import io.clientele.staff.StaffRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Upload sizes, decided before anything reads the body. Large files are for the import
 * page, and only from a signed-in admin: an import file over its limit is sent back to
 * the import page, which says so (once the container has refused a body, its fields are
 * gone and the request would fail on its CSRF token with a bare error page). Anyone else,
 * and any other path, where nothing takes uploads, gets 413 for a multipart body over the
 * general body limit ({@code clientele.http.max-body-size}) or of unknown length
 * (chunked): the container would otherwise parse it, up to the import's limit, before
 * Spring Security refused the request. Runs after Spring Session's filter, so that it
 * sees the staff member's session.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class BackofficeUploadLimitFilter extends OncePerRequestFilter {

	private final long importLimit;

	private final long elsewhere;

	BackofficeUploadLimitFilter(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize importLimit,
			@Value("${clientele.http.max-body-size:1MB}") DataSize elsewhere) {
		this.importLimit = importLimit.toBytes();
		this.elsewhere = elsewhere.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var type = request.getContentType();
		if (type == null || !type.regionMatches(true, 0, "multipart/", 0, 10)) {
			chain.doFilter(request, response);
			return;
		}
		var length = request.getContentLengthLong();
		var importPath = request.getContextPath() + BackofficeImportController.PATH;
		if (importPath.equals(request.getRequestURI()) && signedInAdmin(request)) {
			if (length > importLimit) {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader(HttpHeaders.LOCATION, importPath + "?too-large");
				return;
			}
		}
		else if (length > elsewhere || length < 0) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		chain.doFilter(request, response);
	}

	// The session's staff member as the back office's security chain stored it; the chain
	// itself checks the account again before the controller runs.
	private static boolean signedInAdmin(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null || !(session
			.getAttribute(BackofficeSecurityConfiguration.SECURITY_CONTEXT_KEY) instanceof SecurityContext context)) {
			return false;
		}
		var authentication = context.getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof StaffPrincipal staff && staff.role() == StaffRole.ADMIN;
	}

}
