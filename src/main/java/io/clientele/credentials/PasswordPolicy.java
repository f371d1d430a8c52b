package io.clientele.credentials;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clientele.shared.Violation;

/**
 * The rules a new password must meet, the same for storefront, back office, API and
 * console. Reports every broken rule at once, as message keys with arguments.
 */
@Component
public class PasswordPolicy {

	private final CredentialsSettings.PasswordPolicySettings settings;

	PasswordPolicy(CredentialsSettings settings) {
		this.settings = settings.passwordPolicy();
	}

	/**
	 * Every violation of the given new password, reported for the field {@code password}.
	 */
	public List<Violation> check(String password) {
		var violations = new ArrayList<Violation>();
		// Characters as people count them (code points), never UTF-16 units, never
		// truncated.
		var length = password.codePointCount(0, password.length());
		if (password.isEmpty()) {
			violations.add(Violation.of("password", "password.required"));
		}
		else if (length < settings.minLength()) {
			violations.add(Violation.of("password", "password.too-short", settings.minLength()));
		}
		if (length > settings.maxLength()) {
			violations.add(Violation.of("password", "password.too-long", settings.maxLength()));
		}
		return violations;
	}

	public int minLength() {
		return settings.minLength();
	}

	public int maxLength() {
		return settings.maxLength();
	}

}
