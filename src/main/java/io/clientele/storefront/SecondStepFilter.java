package io.clientele.storefront;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.clientele.authentication.CustomerAuthenticationProvider;
import io.clientele.authentication.CustomerLogin;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.authentication.DeviceCookies;
import io.clientele.authentication.LoginBlocked;
import io.clientele.authentication.LoginOutcome;
import io.clientele.authentication.SecondFactorRequired;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The code step of a login with a second factor, {@code POST /login/code}: takes the
 * pending login the password step left in the session and the typed code to
 * {@link CustomerLogin#complete}. It is an authentication filter like the form login's,
 * configured with the same session strategy (new session id, new CSRF token), security
 * context repository, remember-me services and success handler, so that a login with a
 * code ends in exactly the session a login without one does.
 */
final class SecondStepFilter extends AbstractAuthenticationProcessingFilter {

	static final String PATH = "/login/code";

	private static final String REMEMBER_ME = SecondStepFilter.class.getName() + ".rememberMe";

	private final CustomerLogin login;

	private final DeviceCookies devices;

	private final Clock clock;

	private final Duration lifetime;

	private final String rememberMeParameter;

	SecondStepFilter(CustomerLogin login, DeviceCookies devices, Clock clock, Duration lifetime,
			String rememberMeParameter) {
		super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
		this.login = login;
		this.devices = devices;
		this.clock = clock;
		this.lifetime = lifetime;
		this.rememberMeParameter = rememberMeParameter;
	}

	/** No pending login in the session, or it came too late. */
	static final class SecondStepExpired extends AuthenticationException {

		SecondStepExpired() {
			super("No pending login");
		}

	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
		var pending = PendingLogin.find(request.getSession(false))
			.filter((found) -> !found.expired(clock.instant(), lifetime))
			.orElseThrow(SecondStepExpired::new);
		var proof = StorefrontSecondFactors.proof(request, request.getParameter("code"));
		return switch (login.complete(pending.principal(), pending.deviceToken(), proof, request.getRemoteAddr())) {
			case LoginOutcome.Succeeded<CustomerPrincipal> succeeded -> {
				devices.remember(DeviceCookies.CUSTOMER, succeeded.deviceToken(), "/");
				request.setAttribute(REMEMBER_ME, pending.rememberMe());
				yield UsernamePasswordAuthenticationToken.authenticated(succeeded.principal(), null,
						List.of(CustomerAuthenticationProvider.CUSTOMER));
			}
			case LoginOutcome.SecondFactorNeeded<CustomerPrincipal> needed ->
				throw new SecondFactorRequired(needed.principal(), needed.deviceToken(), needed.check());
			case LoginOutcome.Blocked<CustomerPrincipal> blocked -> throw new LoginBlocked(blocked.remaining());
			case LoginOutcome.Failed<CustomerPrincipal> failed -> throw new BadCredentialsException("Bad credentials");
		};
	}

	@Override
	protected void successfulAuthentication(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			Authentication authentication) throws IOException, ServletException {
		PendingLogin.clear(request.getSession(false));
		// "remember me" was ticked on the password form, not on this one
		var remembered = Boolean.TRUE.equals(request.getAttribute(REMEMBER_ME))
				? new HttpServletRequestWrapper(request) {
					@Override
					public String getParameter(String name) {
						return rememberMeParameter.equals(name) ? "true" : super.getParameter(name);
					}
				} : request;
		super.successfulAuthentication(remembered, response, chain, authentication);
	}

	/**
	 * Adds the filter after the form login's, with what the form login has: the shared
	 * session strategy and security context repository exist only once every configurer
	 * is initialised.
	 */
	static final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

		private final SecondStepFilter filter;

		private final AuthenticationManager manager;

		private final AuthenticationSuccessHandler success;

		private final AuthenticationFailureHandler failure;

		private final RememberMeServices rememberMe;

		Configurer(SecondStepFilter filter, AuthenticationManager manager, AuthenticationSuccessHandler success,
				AuthenticationFailureHandler failure, RememberMeServices rememberMe) {
			this.filter = filter;
			this.manager = manager;
			this.success = success;
			this.failure = failure;
			this.rememberMe = rememberMe;
		}

		@Override
		public void configure(HttpSecurity http) {
			filter.setAuthenticationManager(manager);
			filter.setAuthenticationSuccessHandler(success);
			filter.setAuthenticationFailureHandler(failure);
			filter.setRememberMeServices(rememberMe);
			var sessionStrategy = http.getSharedObject(SessionAuthenticationStrategy.class);
			if (sessionStrategy != null) {
				filter.setSessionAuthenticationStrategy(sessionStrategy);
			}
			var contexts = http.getSharedObject(SecurityContextRepository.class);
			if (contexts != null) {
				filter.setSecurityContextRepository(contexts);
			}
			http.addFilterAfter(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
		}

	}

}
