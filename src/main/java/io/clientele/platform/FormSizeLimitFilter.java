package io.clientele.platform;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A form post larger than the form limit is answered 413 with the error page, before
 * anything reads it; without this, the container silently drops its fields and the
 * request fails on a missing CSRF token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FormSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	FormSizeLimitFilter(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var type = request.getContentType();
		if (type != null && type.startsWith("application/x-www-form-urlencoded")
				&& request.getContentLengthLong() > limit) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
