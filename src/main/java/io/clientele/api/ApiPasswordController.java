package io.clientele.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.authentication.LoginOutcome;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.credentials.PasswordManagement.ChangeOutcome;
import io.clientele.credentials.PasswordResets;
import io.clientele.credentials.PasswordResets.RestoreOutcome;
import io.clientele.credentials.TokenCheck;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /customer-password}, {@code /customer-forgotten-password},
 * {@code /customer-restore-password}.
 */
@RestController
class ApiPasswordController {

	private final PasswordManagement passwords;

	private final PasswordResets resets;

	private final JsonMapper json;

	private final PasswordPolicy policy;

	ApiPasswordController(PasswordManagement passwords, PasswordResets resets, JsonMapper json, PasswordPolicy policy) {
		this.policy = policy;
		this.passwords = passwords;
		this.resets = resets;
		this.json = json;
	}

	/**
	 * Changing the password ends every refresh token of the customer (unlike Glue,
	 * docs/api.md).
	 */
	@PatchMapping(path = "/api/customer-password/{reference}",
			consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> change(@PathVariable String reference, @RequestBody String body,
			@AuthenticationPrincipal ApiCustomer caller, HttpServletRequest request) {
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "customer-password"));
		if (!caller.reference().equals(reference)) {
			throw new GlueException(GlueError.UNAUTHORIZED);
		}
		rules.required("password").notBlank();
		rules.required("newPassword").notBlank().passwordLength(policy);
		rules.required("confirmPassword").notBlank().passwordLength(policy);
		rules.check();
		if (!rules.textOrEmpty("newPassword").equals(rules.textOrEmpty("confirmPassword"))) {
			throw new GlueException(GlueError.notIdentical("newPassword", "confirmPassword"));
		}
		return switch (passwords.changePassword(caller.id(), rules.textOrEmpty("password"),
				rules.textOrEmpty("newPassword"), ApiTokenController.attempt(request),
				ApiTokenController.secondFactor(request, caller))) {
			case ChangeOutcome.Changed changed -> JsonApi.noContent();
			case ChangeOutcome.WrongCurrentPassword wrong -> throw new GlueException(GlueError.INVALID_PASSWORD);
			case ChangeOutcome.Blocked blocked ->
				throw new GlueException(GlueError.loginBlocked(LoginOutcome.wholeMinutes(blocked.remaining())));
			case ChangeOutcome.Rejected rejected -> throw new GlueException(PasswordErrors.of(rejected.violations()));
			case ChangeOutcome.SecondFactorRefused refused -> throw GlueException.secondFactor(refused.check());
		};
	}

	/** Always 204 for a well-formed address, with or without an account. */
	@PostMapping(path = "/api/customer-forgotten-password",
			consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> forgotten(@RequestBody String body, HttpServletRequest request) {
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "customer-forgotten-password"));
		rules.required("email").notBlank().email();
		rules.check();
		resets.requestReset(rules.textOrEmpty("email"), request.getRemoteAddr());
		return JsonApi.noContent();
	}

	/**
	 * Only {@code attributes.restorePasswordKey} counts; the id in the path may be any
	 * value.
	 */
	@PatchMapping(path = "/api/customer-restore-password/{id}",
			consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> restore(@PathVariable String id, @RequestBody String body) {
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "customer-restore-password"));
		rules.required("restorePasswordKey").notBlank();
		rules.required("password").notBlank().passwordLength(policy);
		rules.required("confirmPassword").notBlank().passwordLength(policy);
		rules.check();
		if (!rules.textOrEmpty("password").equals(rules.textOrEmpty("confirmPassword"))) {
			throw new GlueException(GlueError.notIdentical("password", "confirmPassword"));
		}
		return switch (resets.restore(rules.textOrEmpty("restorePasswordKey"), rules.textOrEmpty("password"))) {
			case RestoreOutcome.Restored restored -> JsonApi.noContent();
			case RestoreOutcome.Rejected rejected -> throw new GlueException(PasswordErrors.of(rejected.violations()));
			// Glue answers an expired key 400/407 (its fallback); kept for compatibility,
			// docs/api.md
			case RestoreOutcome.LinkNotUsable unusable ->
				throw new GlueException(unusable.check() instanceof TokenCheck.Expired
						? GlueError.FAILED_TO_CHANGE_PASSWORD : GlueError.RESTORE_KEY_NOT_VALID);
		};
	}

	@Hidden
	@PatchMapping(path = { "/api/customer-restore-password", "/api/customer-restore-password/" })
	ResponseEntity<Object> restoreWithoutId() {
		throw new GlueException(GlueError.RESOURCE_ID_MISSING);
	}

}
