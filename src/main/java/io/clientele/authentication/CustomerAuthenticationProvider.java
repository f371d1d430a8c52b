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

import io.clientele.credentials.PasswordHashingBusy;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordResets;
import io.clientele.credentials.Registrations;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;

/**
 * Checks a customer's e-mail address and password. A blocked account or client address is
 * refused with {@link LoginBlocked} before the password is looked at; every other failure
 * is the same {@link BadCredentialsException}, whether the address is unknown, the
 * password wrong or the address not yet confirmed.
 */
@Component
public class CustomerAuthenticationProvider implements AuthenticationProvider {

	/** The authority every signed-in customer has. */
	public static final GrantedAuthority CUSTOMER = new SimpleGrantedAuthority("ROLE_CUSTOMER");

	private final PasswordManagement passwords;

	private final CustomerManagement customers;

	private final Registrations registrations;

	private final PasswordResets resets;

	private final LoginThrottle throttle;

	CustomerAuthenticationProvider(PasswordManagement passwords, CustomerManagement customers,
			Registrations registrations, PasswordResets resets, LoginThrottle throttle) {
		this.passwords = passwords;
		this.customers = customers;
		this.registrations = registrations;
		this.resets = resets;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var email = String.valueOf(authentication.getPrincipal());
		var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		var client = clientAddress(authentication);
		var blocked = throttle.blockedFor(email, client);
		if (blocked.isPresent()) {
			throw new LoginBlocked(blocked.get());
		}
		try {
			var verified = passwords.verify(email, password);
			if (verified.isEmpty()) {
				var failure = throttle.recordFailure(email, client);
				if (failure.firstAccountBlock() && EmailAddress.problemWith(email).isEmpty()) {
					customers.findByEmail(EmailAddress.of(email))
						.ifPresent(customer -> resets.sendLockoutNotice(customer.id(), failure.blockedFor()));
				}
				if (failure.accountBlocked()) {
					throw new LoginBlocked(failure.blockedFor());
				}
				throw new BadCredentialsException("Bad credentials");
			}
			var customer = verified.get().customer();
			if (registrations.doubleOptIn() && !customer.confirmed()) {
				throw new BadCredentialsException("Bad credentials");
			}
			throttle.clear(email);
			var principal = new CustomerPrincipal(customer.id().value(), customer.reference().value(),
					customer.locale().code(), verified.get().status());
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(CUSTOMER));
		}
		catch (PasswordHashingBusy ex) {
			throw new AuthenticationServiceException(ex.getMessage(), ex);
		}
	}

	/** A wrong current password in a password change counts like a failed login. */
	public void recordFailedPasswordCheck(String email, @Nullable String clientAddress) {
		throttle.recordFailure(email, clientAddress);
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
