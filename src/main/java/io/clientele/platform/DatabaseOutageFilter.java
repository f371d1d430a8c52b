package io.clientele.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import io.clientele.shared.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While PostgreSQL cannot be reached, every request that needs it is answered at once
 * with 503 and {@code Retry-After}: Glue's error envelope under {@code /api} and
 * {@code /.well-known}, a page of its own elsewhere ("we are back in a moment"), without
 * the layout, which reads the session and so the database. It runs outside Spring
 * Session's filter (which loads and saves sessions in PostgreSQL, also after the
 * controller) and outside Spring Security, so it sees their failures too, and sets the
 * security headers of normal pages itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DatabaseOutageFilter extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 10;

	static final String GLUE_UNAVAILABLE = "{\"errors\":[{\"status\":503,\"detail\":"
			+ "\"The service is briefly unavailable. Please try again in a moment.\"}]}";

	// the storefront's policy (StorefrontSecurityConfiguration): the page loads only its
	// stylesheets
	static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	private final DatabaseAvailability availability;

	private final ITemplateEngine templates;

	private final StrictTransportSecurityFilter strictTransportSecurity;

	DatabaseOutageFilter(DatabaseAvailability availability, ITemplateEngine templates,
			StrictTransportSecurityFilter strictTransportSecurity) {
		this.availability = availability;
		this.templates = templates;
		this.strictTransportSecurity = strictTransportSecurity;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// the error page of another failure reads the session as well
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseOutage.isCauseOf(ex) || response.isCommitted()) {
				throw ex;
			}
			availability.outage(ex);
			response.reset();
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		response.setHeader(HttpHeaders.EXPIRES, "0");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-XSS-Protection", "0");
		strictTransportSecurity.addTo(response);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/.well-known/")) {
			response.setHeader("Content-Security-Policy", "default-src 'none'");
			response.setContentType("application/vnd.api+json");
			response.getWriter().write(GLUE_UNAVAILABLE);
			return;
		}
		response.setHeader("Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "same-origin");
		response.setContentType("text/html");
		var locale = language(request);
		response.setLocale(locale);
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response);
		templates.process("outage", new WebContext(exchange, locale), response.getWriter());
	}

	// as the storefront speaks to a visitor: German for any German, English for
	// everything else (who is signed in is unknown: that is in the session)
	private static Locale language(HttpServletRequest request) {
		return request.getLocale().getLanguage().equals("de") ? Locale.GERMANY : Locale.US;
	}

}
