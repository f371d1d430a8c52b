package io.clientele.storefront;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

import io.clientele.authentication.CustomerAuthenticationProvider;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.authentication.CustomerSessions;
import io.clientele.authentication.LoginBlocked;
import io.clientele.credentials.PasswordManagement.PasswordStatus;
import io.clientele.passkeys.Passkeys;

/**
 * Security of the shoppers' pages: everything under {@code /customer/} needs a signed-in
 * customer, every form carries a CSRF token, and every page sends a strict Content
 * Security Policy. This chain answers every path that no other chain claims.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontSecurityConfiguration {

	/**
	 * How long a remembered session lasts without a visit; with visits it lasts until
	 * {@code clientele.storefront.session-max-lifetime} after its start.
	 */
	static final Duration REMEMBER_ME_VALIDITY = Duration.ofDays(30);

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	@Bean
	@Order(100)
	SecurityFilterChain storefrontSecurity(HttpSecurity http, CustomerAuthenticationProvider customers,
			Passkeys passkeys, SpringSessionRememberMeServices rememberMe, StorefrontSettings settings, Clock clock)
			throws Exception {
		// Its own manager without a parent: a failed login is checked, and counted, once.
		return http.authenticationManager(new ProviderManager(customers, StorefrontPasskeyLogin.provider(passkeys)))
			.addFilterBefore(new SessionLifetimeFilter(settings.sessionMaxLifetime(), clock),
					SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/customer/**")
				.hasAuthority(CustomerAuthenticationProvider.CUSTOMER.getAuthority())
				.anyRequest()
				.permitAll())
			.formLogin(login -> login.loginPage("/login")
				.loginProcessingUrl("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(successHandler())
				.failureHandler(failureHandler()))
			.with(new StorefrontPasskeyLogin(successHandler()), Customizer.withDefaults())
			// Spring Session keeps a remembered login as a long session in PostgreSQL, so
			// that
			// it can be revoked like any other; no long-lived token cookie exists.
			.rememberMe(remember -> remember.rememberMeServices(rememberMe))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	SpringSessionRememberMeServices rememberMeServices() {
		var rememberMe = new SpringSessionRememberMeServices();
		rememberMe.setRememberMeParameterName("remember-me");
		rememberMe.setValiditySeconds((int) REMEMBER_ME_VALIDITY.toSeconds());
		return rememberMe;
	}

	/** A password that no longer meets the policy leads to the change form first. */
	private static AuthenticationSuccessHandler successHandler() {
		var defaultHandler = new SavedRequestAwareAuthenticationSuccessHandler();
		defaultHandler.setDefaultTargetUrl("/customer/overview");
		return (request, response, authentication) -> {
			// what the customer's list of sessions shows of this one
			CustomerSessions.describe(request.getSession(), request.getHeader("User-Agent"), request.getRemoteAddr());
			if (authentication.getPrincipal() instanceof CustomerPrincipal customer
					&& customer.passwordStatus() != PasswordStatus.COMPLIANT) {
				response.sendRedirect(request.getContextPath() + "/customer/profile?password-outdated");
				return;
			}
			defaultHandler.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Blocked logins get 429 and the wait; every other failure the one generic message.
	 */
	private static AuthenticationFailureHandler failureHandler() {
		return (request, response, exception) -> {
			if (exception instanceof LoginBlocked blocked) {
				request.setAttribute(StorefrontLoginController.BLOCKED_MINUTES, blocked.minutes());
				request.getRequestDispatcher("/login/blocked").forward(request, response);
				return;
			}
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}

}
