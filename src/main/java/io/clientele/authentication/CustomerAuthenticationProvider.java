package io.clientele.authentication;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import io.clientele.credentials.PasswordHashingBusy;
import io.clientele.credentials.PasswordManagement;
import io.clientele.customer.CustomerManagement;

/**
 * Checks a customer's e-mail address and password. Every failure is the same
 * {@link BadCredentialsException}, whether the address is unknown or the password wrong.
 */
@Component
public class CustomerAuthenticationProvider implements AuthenticationProvider {

	/** The authority every signed-in customer has. */
	public static final GrantedAuthority CUSTOMER = new SimpleGrantedAuthority("ROLE_CUSTOMER");

	private final PasswordManagement passwords;

	private final CustomerManagement customers;

	CustomerAuthenticationProvider(PasswordManagement passwords, CustomerManagement customers) {
		this.passwords = passwords;
		this.customers = customers;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var email = String.valueOf(authentication.getPrincipal());
		var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		try {
			var customer = passwords.verify(email, password).flatMap(customers::find);
			if (customer.isEmpty()) {
				throw new BadCredentialsException("Bad credentials");
			}
			var details = customer.get();
			var principal = new CustomerPrincipal(details.id().value(), details.reference().value(),
					details.locale().code());
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(CUSTOMER));
		}
		catch (PasswordHashingBusy ex) {
			throw new AuthenticationServiceException(ex.getMessage(), ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
