package io.clientele.api;

import java.io.IOException;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of {@code /api/**} and the JWKS: stateless, bearer tokens instead of cookies
 * (so no CSRF), Glue's answers for a missing (403, code 002) or invalid token (401, code
 * 001).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final SimpleGrantedAuthority API_CUSTOMER = new SimpleGrantedAuthority("ROLE_API_CUSTOMER");

	static final SimpleGrantedAuthority BACKOFFICE_CLIENT = new SimpleGrantedAuthority("ROLE_BACKOFFICE_CLIENT");

	@Bean
	@Order(10)
	SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens tokens, JsonMapper json) throws Exception {
		return http.securityMatcher("/api/**", "/.well-known/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/customers", "/api/customer-confirmation", "/api/access-tokens",
						"/api/refresh-tokens", "/api/token", "/api/customer-forgotten-password")
				.permitAll()
				.requestMatchers(HttpMethod.PATCH, "/api/customer-restore-password",
						"/api/customer-restore-password/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/openapi.json")
				.permitAll()
				.requestMatchers("/api/backoffice/**")
				.hasAuthority(BACKOFFICE_CLIENT.getAuthority())
				.anyRequest()
				.hasAuthority(API_CUSTOMER.getAuthority()))
			.addFilterBefore(new BearerTokenFilter(tokens, json), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new ContentTypeFilter(json), BearerTokenFilter.class)
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(
						(request, response, ex) -> write(response, json, GlueError.MISSING_ACCESS_TOKEN))
				.accessDeniedHandler((request, response, ex) -> write(response, json, GlueError.UNAUTHORIZED)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'"))
				.frameOptions(frame -> frame.deny()))
			.build();
	}

	static void write(HttpServletResponse response, JsonMapper json, GlueError error) throws IOException {
		response.setStatus(error.status());
		response.setContentType(JsonApi.MEDIA_TYPE.toString());
		if (error.status() == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"Access to shop API\"");
		}
		json.writeValue(response.getOutputStream(), java.util.Map.of("errors", List.of(error)));
	}

	/**
	 * Bodies that are not JSON (the OAuth form endpoint excepted) are refused with 415.
	 * Their size is bounded for every path by the platform's
	 * {@code RequestBodyLimitFilter} ({@code clientele.http.max-body-size}).
	 */
	static final class ContentTypeFilter extends OncePerRequestFilter {

		private final JsonMapper json;

		ContentTypeFilter(JsonMapper json) {
			this.json = json;
		}

		private static boolean hasBody(HttpServletRequest request) {
			return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		}

		private static boolean readableAccept(HttpServletRequest request) {
			var accept = request.getHeaders(org.springframework.http.HttpHeaders.ACCEPT);
			try {
				while (accept.hasMoreElements()) {
					org.springframework.http.MediaType.parseMediaTypes(accept.nextElement());
				}
				return true;
			}
			catch (org.springframework.http.InvalidMediaTypeException ex) {
				return false;
			}
		}

		private static boolean acceptedContentType(HttpServletRequest request) {
			var type = request.getContentType() == null ? ""
					: request.getContentType().toLowerCase(java.util.Locale.ROOT);
			if (request.getRequestURI().endsWith("/api/token")) {
				return type.startsWith("application/x-www-form-urlencoded");
			}
			return type.startsWith("application/vnd.api+json") || type.startsWith("application/json");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!readableAccept(request)) {
				// an answer cannot be negotiated for it: refused here, where the envelope
				// is
				// written without negotiation
				write(response, json, new GlueError(null, 406, "Not Acceptable: the Accept header cannot be read."));
				return;
			}
			if (hasBody(request) && !acceptedContentType(request)) {
				write(response, json,
						new GlueError(null, 415, "Unsupported media type: send application/vnd.api+json."));
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Reads {@code Authorization: Bearer …}; an invalid token ends the request with 401,
	 * code 001.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final AccessTokens tokens;

		private final JsonMapper json;

		BearerTokenFilter(AccessTokens tokens, JsonMapper json) {
			this.tokens = tokens;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var header = request.getHeader("Authorization");
			if (header != null && !header.isBlank() && request.getHeader("X-Anonymous-Customer-Unique-Id") != null) {
				write(response, json, GlueError.LOGGED_AND_ANONYMOUS);
				return;
			}
			// Only bearer tokens are ours to judge; HTTP Basic belongs to the token
			// endpoint's clients.
			if (header == null || header.isBlank() || header.regionMatches(true, 0, "Basic ", 0, 6)) {
				chain.doFilter(request, response);
				return;
			}
			var parts = header.strip().split("\\s+", 2);
			var bearer = parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? parts[1] : "";
			var holder = tokens.verify(bearer);
			if (holder.isEmpty()) {
				write(response, json, GlueError.INVALID_ACCESS_TOKEN);
				return;
			}
			var authority = holder.get() instanceof ApiCustomer ? API_CUSTOMER : BACKOFFICE_CLIENT;
			var authentication = UsernamePasswordAuthenticationToken.authenticated(holder.get(), null,
					List.of(authority));
			SecurityContextHolder.getContext().setAuthentication(authentication);
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

}
