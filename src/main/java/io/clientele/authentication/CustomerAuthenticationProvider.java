package io.clientele.authentication;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.clientele.credentials.LoginAttempt;
import io.clientele.credentials.PasswordHashingBusy;
import io.clientele.multifactor.SecondFactorProof;

/**
 * {@link CustomerLogin} for Spring Security's form login: a blocked login is
 * {@link LoginBlocked}, a right password of an account with a second factor
 * {@link SecondFactorRequired} (the form's second step follows), every other failure the
 * same {@link BadCredentialsException}.
 */
@Component
public class CustomerAuthenticationProvider implements AuthenticationProvider {

	/** The authority every signed-in customer has. */
	public static final GrantedAuthority CUSTOMER = new SimpleGrantedAuthority("ROLE_CUSTOMER");

	private final CustomerLogin login;

	private final DeviceCookies devices;

	CustomerAuthenticationProvider(CustomerLogin login, DeviceCookies devices) {
		this.login = login;
		this.devices = devices;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var email = String.valueOf(authentication.getPrincipal());
		var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		try {
			var attempt = DeviceCookies.currentAttempt(DeviceCookies.CUSTOMER);
			var checked = new LoginAttempt(clientAddress(authentication), attempt.deviceToken());
			return switch (login.attempt(email, password, checked, SecondFactorProof.none())) {
				case LoginOutcome.Succeeded<CustomerPrincipal> succeeded -> {
					devices.remember(DeviceCookies.CUSTOMER, succeeded.deviceToken(), "/");
					yield UsernamePasswordAuthenticationToken.authenticated(succeeded.principal(), null,
							List.of(CUSTOMER));
				}
				case LoginOutcome.Blocked<CustomerPrincipal> blocked -> throw new LoginBlocked(blocked.remaining());
				case LoginOutcome.Failed<CustomerPrincipal> failed ->
					throw new BadCredentialsException("Bad credentials");
				case LoginOutcome.SecondFactorNeeded<CustomerPrincipal> needed ->
					throw new SecondFactorRequired(needed.principal(), needed.deviceToken(), needed.check());
			};
		}
		catch (PasswordHashingBusy ex) {
			throw new AuthenticationServiceException(ex.getMessage(), ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static @Nullable String clientAddress(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

}
