package io.clientele.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.customer.CustomerManagement;
import io.clientele.multifactor.CodeDelivery;
import io.clientele.multifactor.FactorActivation;
import io.clientele.multifactor.FactorDeactivation;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.FactorVerification;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactors;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spryker's multi-factor resources: {@code /multi-factor-auth-types}, {@code -trigger},
 * {@code -type-activate}, {@code -type-verify} and {@code -type-deactivate}, for the
 * caller's own methods. Beyond Glue, activating an authenticator app answers its secret,
 * and the first method turned on answers the recovery codes (docs/api.md).
 */
@RestController
class ApiMultiFactorController {

	static final String TYPES = "multi-factor-auth-types";

	static final String TRIGGER = "multi-factor-auth-trigger";

	static final String ACTIVATE = "multi-factor-auth-type-activate";

	static final String VERIFY = "multi-factor-auth-type-verify";

	static final String DEACTIVATE = "multi-factor-auth-type-deactivate";

	private final SecondFactors factors;

	private final CustomerManagement customers;

	private final JsonMapper json;

	ApiMultiFactorController(SecondFactors factors, CustomerManagement customers, JsonMapper json) {
		this.factors = factors;
		this.customers = customers;
		this.json = json;
	}

	/**
	 * Every method with its state: 0 off, 1 being turned on, 2 on (Spryker's numbers).
	 */
	@GetMapping("/api/" + TYPES)
	ResponseEntity<Object> types(@AuthenticationPrincipal ApiCustomer caller) {
		var data = factors.methods(owner(caller)).stream().map(method -> {
			var attributes = JsonApi.attributes();
			attributes.put("type", method.type().glueName());
			attributes.put("status", method.status().code());
			// as in Spryker's docs: neither id nor links
			var resource = new LinkedHashMap<String, Object>();
			resource.put("type", TYPES);
			resource.put("attributes", attributes);
			return resource;
		}).toList();
		return ResponseEntity.ok().contentType(JsonApi.MEDIA_TYPE).body(Map.of("data", data));
	}

	/** Mails a code of the e-mail method; an app's codes need no sending. */
	@PostMapping(path = "/api/" + TRIGGER, consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> trigger(@RequestBody String body, @AuthenticationPrincipal ApiCustomer caller) {
		var type = type(body, TRIGGER);
		return switch (factors.trigger(owner(caller), type)) {
			case CodeDelivery.Sent sent -> JsonApi.noContent();
			case CodeDelivery.NothingToSend nothing -> JsonApi.noContent();
			case CodeDelivery.NotEnabled notEnabled -> throw new GlueException(GlueError.MFA_TYPE_NOT_FOUND);
			case CodeDelivery.TooSoon tooSoon -> throw tooSoon(tooSoon.retryAfter());
			case CodeDelivery.Locked locked ->
				throw GlueException.secondFactor(new SecondFactorCheck.Locked(locked.remaining()));
		};
	}

	/**
	 * Starts turning a method on: mails a code (204, as Glue) or answers an app's new
	 * secret (201). With another method on, a fresh code of it must come along.
	 */
	@PostMapping(path = "/api/" + ACTIVATE, consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> activate(@RequestBody String body, @AuthenticationPrincipal ApiCustomer caller,
			HttpServletRequest request) {
		var type = type(body, ACTIVATE);
		return switch (factors.activate(owner(caller), type, ApiTokenController.freshSecondFactor(request))) {
			case FactorActivation.EmailCodeSent sent -> JsonApi.noContent();
			case FactorActivation.TotpEnrolment enrolment -> {
				var attributes = JsonApi.attributes();
				attributes.put("type", type.glueName());
				attributes.put("secret", enrolment.secret());
				attributes.put("uri", enrolment.uri());
				attributes.put("qrCode", enrolment.qrCode());
				yield secret(HttpStatus.CREATED, ACTIVATE, attributes);
			}
			case FactorActivation.AlreadyEnabled enabled -> throw new GlueException(GlueError.MFA_ALREADY_ACTIVATED);
			case FactorActivation.TooSoon tooSoon -> throw tooSoon(tooSoon.retryAfter());
			case FactorActivation.Refused refused -> throw GlueException.secondFactor(refused.check());
		};
	}

	/**
	 * Turns the method on with its code in {@code X-MFA-Code}: 204, as Glue; 200 with the
	 * recovery codes, shown this once, when it is the caller's first method.
	 */
	@PostMapping(path = "/api/" + VERIFY, consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> verify(@RequestBody String body, @AuthenticationPrincipal ApiCustomer caller,
			HttpServletRequest request) {
		var type = type(body, VERIFY);
		var owner = owner(caller);
		return switch (factors.verifyActivation(owner, type, request.getHeader(ApiTokenController.MFA_CODE))) {
			case FactorVerification.Enabled enabled when enabled.recoveryCodes().isEmpty() -> JsonApi.noContent();
			case FactorVerification.Enabled enabled -> {
				var attributes = JsonApi.attributes();
				attributes.put("type", type.glueName());
				attributes.put("recoveryCodes", enabled.recoveryCodes());
				yield secret(HttpStatus.OK, VERIFY, attributes);
			}
			// on already, or never started: Glue's two answers
			case FactorVerification.NotActivating notActivating -> throw new GlueException(
					factors.methods(owner).stream().anyMatch(method -> method.type() == type && method.enabled())
							? GlueError.MFA_ALREADY_ACTIVATED : GlueError.MFA_TYPE_NOT_FOUND);
			case FactorVerification.Refused refused -> throw GlueException.secondFactor(refused.check());
		};
	}

	/**
	 * Turns a method off with a fresh code of an enabled method in {@code X-MFA-Code}.
	 */
	@PostMapping(path = "/api/" + DEACTIVATE, consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> deactivate(@RequestBody String body, @AuthenticationPrincipal ApiCustomer caller,
			HttpServletRequest request) {
		var type = type(body, DEACTIVATE);
		return switch (factors.deactivate(owner(caller), type, ApiTokenController.freshSecondFactor(request))) {
			case FactorDeactivation.Deactivated deactivated -> JsonApi.noContent();
			case FactorDeactivation.NotEnabled notEnabled -> throw new GlueException(GlueError.MFA_DEACTIVATION_FAILED);
			case FactorDeactivation.Refused refused -> throw GlueException.secondFactor(refused.check());
		};
	}

	/** The method named in {@code attributes.type}: missing 5902, unknown 5906. */
	private FactorType type(String body, String resource) {
		var attributes = JsonApiRequest.attributes(json, body, resource);
		var name = attributes.get("type");
		if (name == null || !name.isString() || name.stringValue().isBlank()) {
			throw new GlueException(GlueError.MFA_TYPE_MISSING);
		}
		return FactorType.ofGlueName(name.stringValue())
			.orElseThrow(() -> new GlueException(GlueError.MFA_TYPE_NOT_FOUND));
	}

	// A closed or blocked account's remaining token: Spryker's 5907
	private FactorOwner owner(ApiCustomer caller) {
		return customers.find(caller.id())
			.filter(customer -> !customer.anonymized() && !customer.blocked())
			.map(FactorOwner::customer)
			.orElseThrow(() -> new GlueException(GlueError.MFA_CUSTOMER_NOT_FOUND));
	}

	private static GlueException tooSoon(Duration retryAfter) {
		return new GlueException(GlueError.MFA_CODE_TOO_SOON, retryAfter);
	}

	/** A document holding secrets shown once: never stored by a cache. */
	private static ResponseEntity<Object> secret(HttpStatus status, String type,
			Map<String, @Nullable Object> attributes) {
		var document = JsonApi.single(status, JsonApi.resource(type, null, attributes, "/" + type));
		return ResponseEntity.status(status)
			.contentType(JsonApi.MEDIA_TYPE)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(document.getBody());
	}

}
