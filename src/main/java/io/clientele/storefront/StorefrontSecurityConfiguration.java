package io.clientele.storefront;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
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
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import io.clientele.authentication.CustomerAuthenticationProvider;
import io.clientele.authentication.CustomerLogin;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.authentication.CustomerSessions;
import io.clientele.authentication.DeviceCookies;
import io.clientele.authentication.LoginBlocked;
import io.clientele.authentication.SecondFactorRequired;
import io.clientele.credentials.PasswordManagement.PasswordStatus;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.passkeys.Passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security of the shoppers' pages: everything under {@code /customer/} needs a signed-in
 * customer, every form carries a CSRF token, and every page sends a strict Content
 * Security Policy. This chain answers every path that no other chain claims. A login of
 * an account with a second factor takes two steps: the form login checks the password and
 * leaves a {@link PendingLogin} in the session, and {@link SecondStepFilter} admits the
 * customer with the code.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontSecurityConfiguration {

	/**
	 * How long a remembered session lasts without a visit; with visits it lasts until
	 * {@code clientele.storefront.session-max-lifetime} after its start.
	 */
	static final Duration REMEMBER_ME_VALIDITY = Duration.ofDays(30);

	static final String REMEMBER_ME_PARAMETER = "remember-me";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	@Bean
	@Order(100)
	SecurityFilterChain storefrontSecurity(HttpSecurity http, CustomerAuthenticationProvider customers,
			Passkeys passkeys, SpringSessionRememberMeServices rememberMe, StorefrontSettings settings, Clock clock,
			CustomerLogin customerLogin, DeviceCookies devices) throws Exception {
		// Its own manager without a parent: a failed login is checked, and counted, once.
		var manager = new ProviderManager(customers, StorefrontPasskeyLogin.provider(passkeys));
		var success = successHandler();
		var secondStep = new SecondStepFilter(customerLogin, devices, clock, settings.secondStepLifetime(),
				REMEMBER_ME_PARAMETER);
		return http.authenticationManager(manager)
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
				.successHandler(success)
				.failureHandler(failureHandler(clock)))
			// the code step of a login with a second factor ends as the form login does
			.with(new SecondStepFilter.Configurer(secondStep, manager, success, secondStepFailureHandler(), rememberMe),
					Customizer.withDefaults())
			.with(new StorefrontPasskeyLogin(success), Customizer.withDefaults())
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
		rememberMe.setRememberMeParameterName(REMEMBER_ME_PARAMETER);
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
	 * Blocked logins get 429 and the wait; a right password of an account with a second
	 * factor leads to the code step; every other failure gets the one generic message.
	 */
	private static AuthenticationFailureHandler failureHandler(Clock clock) {
		return (request, response, exception) -> {
			if (exception instanceof LoginBlocked blocked) {
				request.setAttribute(StorefrontLoginController.BLOCKED_MINUTES, blocked.minutes());
				request.getRequestDispatcher("/login/blocked").forward(request, response);
				return;
			}
			if (io.clientele.credentials.PasswordHashingBusy.isCauseOf(exception)) {
				request.setAttribute(StorefrontLoginController.BUSY, true);
				request.getRequestDispatcher("/login/busy").forward(request, response);
				return;
			}
			if (exception instanceof SecondFactorRequired required) {
				var session = request.getSession();
				// whoever knew the session id before the password knows nothing now
				request.changeSessionId();
				new PendingLogin(required.pending(), required.deviceToken(), clock.instant(),
						rememberMeRequested(request.getParameter(REMEMBER_ME_PARAMETER)))
					.store(session);
				StorefrontSecondFactors.newGraceKey(session);
				if (!(required.check() instanceof SecondFactorCheck.Missing)) {
					flash(request, response, StorefrontSecondFactors.notice(required.check()));
				}
				response.sendRedirect(request.getContextPath() + SecondStepFilter.PATH);
				return;
			}
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}

	/**
	 * A refused code leads back to the code step, which says why; a login that took too
	 * long or may no longer sign in starts again at the password.
	 */
	private static AuthenticationFailureHandler secondStepFailureHandler() {
		return (request, response, exception) -> {
			if (exception instanceof SecondFactorRequired required) {
				flash(request, response, StorefrontSecondFactors.notice(required.check()));
				response.sendRedirect(request.getContextPath() + SecondStepFilter.PATH);
				return;
			}
			PendingLogin.clear(request.getSession(false));
			response.sendRedirect(request.getContextPath()
					+ (exception instanceof SecondStepFilter.SecondStepExpired ? "/login?expired" : "/login?error"));
		};
	}

	// as Spring Session's remember-me services read the box
	private static boolean rememberMeRequested(@Nullable String value) {
		return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on")
				|| value.equalsIgnoreCase("yes") || value.equals("1"));
	}

	// the code page shows it after the redirect, as a controller's flash attribute
	private static void flash(HttpServletRequest request, HttpServletResponse response,
			StorefrontSecondFactors.Notice notice) {
		var flash = new FlashMap();
		flash.put("notice", notice);
		flash.setTargetRequestPath(request.getContextPath() + SecondStepFilter.PATH);
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
	}

}
