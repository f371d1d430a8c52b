package io.clientele.api;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.clientele.multifactor.SecondFactorCheck;

/**
 * One error of Glue's envelope {@code {"errors":[{"code","status","detail"}]}}. The code
 * is a string (leading zeros matter); envelope errors carry none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GlueError(@Nullable String code, int status, String detail) {

	// spec/spryker.md §1.0 and §1.13, word for word
	static final GlueError INVALID_ACCESS_TOKEN = new GlueError("001", 401, "Invalid access token.");

	static final GlueError MISSING_ACCESS_TOKEN = new GlueError("002", 403, "Missing access token.");

	static final GlueError FAILED_TO_AUTHENTICATE = new GlueError("003", 401, "Failed to authenticate user.");

	static final GlueError FAILED_TO_REFRESH = new GlueError("004", 401, "Failed to refresh token.");

	static final GlueError LOGGED_AND_ANONYMOUS = new GlueError("005", 400,
			"Headers request error. A user can't act as logged and not logged user at the same time.");

	static final GlueError EMAIL_ALREADY_USED = new GlueError("400", 422,
			"If this email address is already in use, you will receive a password reset link. Otherwise you must first validate your e-mail address to finish registration. Please check your e-mail.");

	static final GlueError CUSTOMER_NOT_FOUND = new GlueError("402", 404, "Customer not found.");

	static final GlueError FAILED_TO_CHANGE_PASSWORD = new GlueError("407", 400, "Failed to change password.");

	static final GlueError INVALID_PASSWORD = new GlueError("408", 400, "Invalid password");

	static final GlueError FAILED_TO_SAVE_CUSTOMER = new GlueError("410", 400, "Failed to save customer.");

	static final GlueError UNAUTHORIZED = new GlueError("411", 403, "Unauthorized request.");

	static final GlueError TERMS_NOT_ACCEPTED = new GlueError("413", 400, "Terms and Conditions was not accepted.");

	static final GlueError RESTORE_KEY_NOT_VALID = new GlueError("415", 422, "Restore password key is not valid.");

	static final GlueError INVALID_EMAIL = new GlueError("416", 422, "Invalid Email address format.");

	static final GlueError EMAIL_TOO_LONG = new GlueError("417", 422,
			"Email is too long. It should have 100 characters or less.");

	static final GlueError PASSWORD_TOO_SHORT = new GlueError("418", 400, "The password is too short.");

	static final GlueError PASSWORD_TOO_LONG = new GlueError("419", 400, "The password is too long.");

	static final GlueError PASSWORD_CHARACTER_SET = new GlueError("420", 400, "The password character set is invalid.");

	static final GlueError PASSWORD_SEQUENCE = new GlueError("421", 400,
			"The password contains sequence of the same character.");

	static final GlueError PASSWORD_COMMON = new GlueError("422", 400, "The password is listed as common.");

	static final GlueError CONFIRMATION_CODE_INVALID = new GlueError("423", 422,
			"This email confirmation code is invalid or has been already used.");

	// Clientele's rules beyond Spryker's, in the same style (docs/api.md)
	static final GlueError PASSWORD_TOO_WEAK = new GlueError("426", 400, "The password is too easy to guess.");

	static final GlueError PASSWORD_PERSONAL = new GlueError("427", 400,
			"The password must not contain the name or the email address.");

	static final GlueError PASSWORD_REUSED = new GlueError("428", 400, "The password was used before.");

	static final GlueError TOO_MANY_REGISTRATIONS = new GlueError("429", 429,
			"Too many registrations from this client or for this email address. Please try again later.");

	static final GlueError POST_DATA_INVALID = new GlueError(null, 400, "Post data is invalid.");

	static final GlueError INVALID_TYPE = new GlueError(null, 400, "Invalid type.");

	static final GlueError RESOURCE_ID_MISSING = new GlueError(null, 400, "Resource id is not specified.");

	// spec/spryker.md §11 (multi-factor authentication): the texts of Spryker's Glue
	// docs,
	// the statuses of its Glue module (MultiFactorAuthResponseBuilder: 403 for the code,
	// 400 for everything else)
	static final GlueError MFA_CODE_MISSING = new GlueError("5900", 403, "X-MFA-Code header is missing.");

	static final GlueError MFA_CODE_INVALID = new GlueError("5901", 403, "X-MFA-Code is invalid.");

	static final GlueError MFA_TYPE_MISSING = new GlueError("5902", 400, "MFA type is missing.");

	static final GlueError MFA_DEACTIVATION_FAILED = new GlueError("5903", 400, "Failed to deactivate MFA.");

	static final GlueError MFA_ALREADY_ACTIVATED = new GlueError("5904", 400, "MFA type already activated.");

	static final GlueError MFA_NO_CUSTOMER = new GlueError("5905", 400, "No customer identifier provided.");

	static final GlueError MFA_TYPE_NOT_FOUND = new GlueError("5906", 400, "MFA type is not found.");

	static final GlueError MFA_CUSTOMER_NOT_FOUND = new GlueError("5907", 400, "Customer not found.");

	// Clientele's: e-mailed codes go out at most once per
	// clientele.mfa.email-code-interval
	// (docs/api.md)
	static final GlueError MFA_CODE_TOO_SOON = new GlueError("5920", 429,
			"A code was sent a moment ago. Please wait before asking for a new one.");

	/**
	 * A second factor that did not pass: missing (5900) or invalid (5901, also when too
	 * many wrong codes locked the step: then status 429).
	 */
	static GlueError secondFactor(SecondFactorCheck check) {
		return switch (check) {
			case SecondFactorCheck.Missing missing -> MFA_CODE_MISSING;
			case SecondFactorCheck.Locked locked ->
				new GlueError(MFA_CODE_INVALID.code(), 429, MFA_CODE_INVALID.detail());
			default -> MFA_CODE_INVALID;
		};
	}

	static GlueError notIdentical(String field, String confirmation) {
		return new GlueError("406", 422,
				"Value in field " + field + " should be identical to value in the " + confirmation + " field.");
	}

	static GlueError loginBlocked(long minutes) {
		return new GlueError("4401", 429,
				"Too many log in attempts from your address. Please wait " + minutes + " minutes before trying again.");
	}

	static GlueError validation(String field, String message) {
		return new GlueError("901", 422, field + " => " + message);
	}

}
