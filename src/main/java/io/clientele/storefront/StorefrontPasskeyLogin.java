package io.clientele.storefront;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

import io.clientele.authentication.CustomerAuthenticationProvider;
import io.clientele.passkeys.PasskeyChallenge;
import io.clientele.passkeys.PasskeyProblem;
import io.clientele.passkeys.Passkeys;
import io.clientele.passkeys.SignInOutcome;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing in with a passkey ({@code POST /login/passkey}, the browser's answer in the
 * {@code response} field) as a second way into the same session as the password form: the
 * same principal and authority, the session id changed, the CSRF token renewed and the
 * security context saved as form login does, because the filter takes those from the
 * chain's own configuration.
 */
class StorefrontPasskeyLogin extends AbstractHttpConfigurer<StorefrontPasskeyLogin, HttpSecurity> {

	/** The session attribute holding the challenge of a sign-in in progress. */
	static final String CHALLENGE = StorefrontPasskeyLogin.class.getName() + ".challenge";

	static final String PROBLEM_PARAMETER = "passkey-problem";

	private final AuthenticationSuccessHandler success;

	StorefrontPasskeyLogin(AuthenticationSuccessHandler success) {
		this.success = success;
	}

	/** The provider to put into the chain's authentication manager. */
	static AuthenticationProvider provider(Passkeys passkeys) {
		return new PasskeyProvider(passkeys);
	}

	@Override
	public void configure(HttpSecurity http) {
		var filter = new PasskeyFilter(http.getSharedObject(AuthenticationManager.class));
		var contexts = http.getSharedObject(SecurityContextRepository.class);
		filter.setSecurityContextRepository(contexts != null ? contexts : new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
		var sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
		if (sessions != null) {
			filter.setSessionAuthenticationStrategy(sessions);
		}
		filter.setAuthenticationSuccessHandler(success);
		filter.setAuthenticationFailureHandler(failure());
		http.addFilterBefore(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
	}

	private static AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			var problem = exception instanceof PasskeyRefused refused ? refused.problem : PasskeyProblem.NOT_VERIFIED;
			response.sendRedirect(request.getContextPath() + "/login?" + PROBLEM_PARAMETER + "=" + problem.name());
		};
	}

	private static final class PasskeyFilter extends AbstractAuthenticationProcessingFilter {

		PasskeyFilter(AuthenticationManager manager) {
			super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/passkey"), manager);
		}

		@Override
		public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
			// the challenge counts once: it leaves the session whatever the answer
			var session = request.getSession(false);
			var challenge = session == null ? null : session.getAttribute(CHALLENGE);
			if (session != null) {
				session.removeAttribute(CHALLENGE);
			}
			var answer = request.getParameter("response");
			// a passkey with user verification is both factors: the new login's grace
			// period
			// opens with it, and the session's earlier one (if any) stays unless it
			// passes
			var graceKey = StorefrontSecondFactors.unusedGraceKey();
			var authentication = getAuthenticationManager()
				.authenticate(new PasskeyAnswer(challenge instanceof PasskeyChallenge pending ? pending : null,
						answer == null ? "" : answer, request.getRemoteAddr(), graceKey));
			StorefrontSecondFactors.useGraceKey(request.getSession(), graceKey);
			return authentication;
		}

	}

	/** The browser's answer before it is verified. */
	private static final class PasskeyAnswer extends AbstractAuthenticationToken {

		private final transient @Nullable PasskeyChallenge challenge;

		private final String response;

		private final @Nullable String clientAddress;

		private final String graceKey;

		PasskeyAnswer(@Nullable PasskeyChallenge challenge, String response, @Nullable String clientAddress,
				String graceKey) {
			super(List.of());
			this.challenge = challenge;
			this.response = response;
			this.clientAddress = clientAddress;
			this.graceKey = graceKey;
		}

		@Override
		public Object getCredentials() {
			return response;
		}

		@Override
		public Object getPrincipal() {
			return "passkey";
		}

	}

	private static final class PasskeyProvider implements AuthenticationProvider {

		private final Passkeys passkeys;

		PasskeyProvider(Passkeys passkeys) {
			this.passkeys = passkeys;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			var answer = (PasskeyAnswer) authentication;
			return switch (passkeys.signIn(answer.challenge, answer.response, answer.clientAddress, answer.graceKey)) {
				case SignInOutcome.SignedIn signedIn -> UsernamePasswordAuthenticationToken
					.authenticated(signedIn.principal(), null, List.of(CustomerAuthenticationProvider.CUSTOMER));
				case SignInOutcome.Refused refused -> throw new PasskeyRefused(refused.problem());
			};
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return PasskeyAnswer.class.isAssignableFrom(authentication);
		}

	}

	private static final class PasskeyRefused extends AuthenticationException {

		private final PasskeyProblem problem;

		PasskeyRefused(PasskeyProblem problem) {
			super("Passkey refused: " + problem);
			this.problem = problem;
		}

	}

}
