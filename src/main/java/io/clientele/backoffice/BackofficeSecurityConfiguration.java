package io.clientele.backoffice;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import io.clientele.authentication.DeviceCookies;
import io.clientele.authentication.LoginOutcome;
import io.clientele.staff.StaffLogin;
import io.clientele.staff.StaffPrincipal;
import io.clientele.staff.StaffSecondFactors;
import io.clientele.staff.StaffSignInStep;

/**
 * Security of {@code /backoffice/**}: staff log in here with their own accounts; the
 * signed-in staff member is kept under a session key of their own, so a customer signed
 * in on the same browser is never staff, and logging out of one leaves the other. A staff
 * member with an authenticator app (or whose role requires one) gets only a
 * {@link PendingStaffAuthentication} for the password: it opens the second step's page
 * and nothing else, until the code makes it a staff login under a new session id.
 */
@Configuration(proxyBeanMethods = false)
class BackofficeSecurityConfiguration {

	static final String SECURITY_CONTEXT_KEY = "CLIENTELE_BACKOFFICE_SECURITY_CONTEXT";

	/** Where the staff session's security context lives: in the (JDBC) HTTP session. */
	static HttpSessionSecurityContextRepository contexts() {
		var contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(SECURITY_CONTEXT_KEY);
		return contexts;
	}

	@Bean
	@Order(20)
	SecurityFilterChain backofficeSecurity(HttpSecurity http, StaffLogin staffLogin, StaffSecondFactors factors,
			BackofficeSettings settings, DeviceCookies devices, Clock clock) throws Exception {
		var contexts = contexts();
		return http.securityMatcher("/backoffice/**")
			.securityContext(context -> context.securityContextRepository(contexts))
			.addFilterBefore(new BackofficeStaffSessionFilter(staffLogin, contexts),
					AnonymousAuthenticationFilter.class)
			.addFilterBefore(new BackofficeSecondStepFilter(staffLogin, clock), AnonymousAuthenticationFilter.class)
			.authenticationManager(
					new ProviderManager(new StaffAuthenticationProvider(staffLogin, factors, devices, clock)))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/backoffice/login", "/backoffice/login/blocked", "/backoffice/login/busy")
				.permitAll()
				// between password and second factor: these pages only (and the
				// filter sends every other request here)
				.requestMatchers(BackofficeSecondStepFilter.CODE_PAGE, BackofficeSecondStepFilter.ENROL_PAGE)
				.hasAuthority(PendingStaffAuthentication.AUTHORITY)
				.requestMatchers("/backoffice/staff/**")
				.hasRole("ADMIN")
				.requestMatchers("/backoffice/customers/*/delete", "/backoffice/customers/*/set-password",
						"/backoffice/customers/*/generate-password", "/backoffice/customers/*/second-factors/**")
				.hasRole("ADMIN")
				.requestMatchers("/backoffice/customers/import/**", "/backoffice/customers/export")
				.hasRole("ADMIN")
				.anyRequest()
				.hasAnyRole("ADMIN", "SUPPORT"))
			.formLogin(login -> login.loginPage("/backoffice/login")
				.loginProcessingUrl("/backoffice/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler((request, response, authentication) -> {
					// idle staff sessions end after the configured time
					request.getSession().setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
					// a staff member with a second factor (or who must enrol one) is not
					// signed in yet: the session holds only what the second step needs
					var next = authentication instanceof PendingStaffAuthentication pending
							? BackofficeSecondStepFilter.pageOf(pending.pending().step()) : "/backoffice";
					response.sendRedirect(request.getContextPath() + next);
				})
				.failureHandler((request, response, exception) -> {
					if (exception instanceof StaffBlocked blocked) {
						request.setAttribute(BackofficeLoginController.BLOCKED_MINUTES, blocked.minutes);
						request.getRequestDispatcher("/backoffice/login/blocked").forward(request, response);
						return;
					}
					if (io.clientele.credentials.PasswordHashingBusy.isCauseOf(exception)) {
						request.setAttribute(BackofficeLoginController.BUSY, true);
						request.getRequestDispatcher("/backoffice/login/busy").forward(request, response);
						return;
					}
					response.sendRedirect(request.getContextPath() + "/backoffice/login?error");
				}))
			.logout(logout -> logout.logoutUrl("/backoffice/logout")
				.logoutSuccessUrl("/backoffice/login?logout")
				.invalidateHttpSession(false))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
						+ "base-uri 'self'; object-src 'none'"))
				.frameOptions(frame -> frame.deny()))
			.build();
	}

	static final class StaffBlocked extends AuthenticationException {

		final long minutes;

		StaffBlocked(long minutes) {
			super("Too many failed logins");
			this.minutes = minutes;
		}

	}

	/**
	 * {@link StaffLogin} for the login form; roles become ROLE_ADMIN or ROLE_SUPPORT, or,
	 * when a second step follows, nothing but the right to take it.
	 */
	record StaffAuthenticationProvider(StaffLogin login, StaffSecondFactors factors, DeviceCookies devices,
			Clock clock) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			var client = authentication.getDetails() instanceof WebAuthenticationDetails details
					? details.getRemoteAddress() : null;
			var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
			var attempt = new io.clientele.credentials.LoginAttempt(client,
					DeviceCookies.currentAttempt(DeviceCookies.STAFF).deviceToken());
			LoginOutcome<StaffPrincipal> outcome;
			try {
				outcome = login.attempt(String.valueOf(authentication.getPrincipal()), password, attempt);
			}
			catch (io.clientele.credentials.PasswordHashingBusy ex) {
				throw new org.springframework.security.authentication.AuthenticationServiceException(ex.getMessage(),
						ex);
			}
			return switch (outcome) {
				case LoginOutcome.Succeeded<StaffPrincipal> succeeded -> {
					devices.remember(DeviceCookies.STAFF, succeeded.deviceToken(), "/backoffice");
					var step = factors.afterPassword(succeeded.principal());
					yield step == StaffSignInStep.NONE
							? BackofficeStaffSessionFilter.authenticated(succeeded.principal())
							: new PendingStaffAuthentication(new PendingStaffAuthentication.PendingStaff(
									succeeded.principal(), step, clock.instant()));
				}
				case LoginOutcome.Blocked<StaffPrincipal> blocked -> throw new StaffBlocked(blocked.minutes());
				case LoginOutcome.Failed<StaffPrincipal> failed -> throw new BadCredentialsException("Bad credentials");
				// staff login asks for its second factor on a page of its own
				case LoginOutcome.SecondFactorNeeded<StaffPrincipal> needed ->
					throw new BadCredentialsException("Bad credentials");
			};
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
