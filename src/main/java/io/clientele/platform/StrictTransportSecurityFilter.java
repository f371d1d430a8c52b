package io.clientele.platform;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With an https public URL, every answer of every path tells browsers to use https only
 * for a year (HSTS), also when TLS ends at a proxy and the request reaches Clientele as
 * plain http (Spring Security writes the header only for requests it sees as secure).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class StrictTransportSecurityFilter extends OncePerRequestFilter {

	static final String HSTS = "max-age=31536000 ; includeSubDomains";

	private final boolean https;

	StrictTransportSecurityFilter(@Value("${clientele.public-url:http://localhost:8080}") String publicUrl) {
		this.https = HttpsCookies.isHttps(publicUrl);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		addTo(response);
		chain.doFilter(request, response);
	}

	/** Sets the header again on an answer that was reset. */
	void addTo(HttpServletResponse response) {
		if (https) {
			response.setHeader("Strict-Transport-Security", HSTS);
		}
	}

}
