package io.clientele.storefront;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends a session that began longer ago than its absolute lifetime before anything reads
 * it, so that a remembered login, or a stolen session cookie, cannot be kept alive by
 * use. A session begins before its login (the login page stores its CSRF token in it), so
 * it ends at most this long after the login, a little earlier at worst.
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Duration maxLifetime;

	private final Clock clock;

	SessionLifetimeFilter(Duration maxLifetime, Clock clock) {
		this.maxLifetime = maxLifetime;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		if (session != null && clock.millis() - session.getCreationTime() >= maxLifetime.toMillis()) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

}
