package io.clientele.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.multifactor.SecondFactorProof;
import io.clientele.authentication.CustomerLogin;
import io.clientele.authentication.CustomerPrincipal;
import io.clientele.authentication.LoginOutcome;
import io.clientele.customer.CustomerManagement;

import io.clientele.credentials.LoginAttempt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logging in and staying logged in: {@code /access-tokens}, {@code /refresh-tokens}, the
 * OAuth 2.0 form endpoint {@code /token}, and the JWKS that lets any app verify access
 * tokens.
 */
@RestController
class ApiTokenController {

	private final CustomerLogin login;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final SigningKeys keys;

	private final JsonMapper json;

	private final CustomerManagement customers;

	private final ApiSettings settings;

	ApiTokenController(CustomerLogin login, AccessTokens accessTokens, RefreshTokens refreshTokens, SigningKeys keys,
			JsonMapper json, CustomerManagement customers, ApiSettings settings) {
		this.customers = customers;
		this.settings = settings;
		this.login = login;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.keys = keys;
		this.json = json;
	}

	@PostMapping(path = "/api/access-tokens", consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> accessToken(@RequestBody String body, HttpServletRequest request,
			HttpServletResponse response) {
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "access-tokens"));
		rules.required("username").notBlank().email();
		rules.required("password").notBlank();
		rules.check();
		// the family is chosen first: a right code opens the grace period for it
		var family = RefreshTokens.newFamily();
		return switch (login.attempt(rules.textOrEmpty("username"), rules.textOrEmpty("password"), attempt(request),
				secondFactor(request, family))) {
			case LoginOutcome.Succeeded<CustomerPrincipal> succeeded -> {
				response.setHeader(DEVICE_TOKEN, succeeded.deviceToken());
				yield tokens("access-tokens",
						new ApiCustomer(succeeded.principal().id(), succeeded.principal().customerReference(), family),
						family);
			}
			case LoginOutcome.Blocked<CustomerPrincipal> blocked ->
				throw new GlueException(GlueError.loginBlocked(blocked.minutes()));
			case LoginOutcome.Failed<CustomerPrincipal> failed ->
				throw new GlueException(GlueError.FAILED_TO_AUTHENTICATE);
			case LoginOutcome.SecondFactorNeeded<CustomerPrincipal> needed ->
				throw GlueException.secondFactor(needed.check());
		};
	}

	@PostMapping(path = "/api/refresh-tokens", consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> refresh(@RequestBody String body) {
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "refresh-tokens"));
		rules.required("refreshToken").notBlank();
		rules.check();
		var rotation = refreshTokens.rotate(rules.textOrEmpty("refreshToken"))
			.orElseThrow(() -> new GlueException(GlueError.FAILED_TO_REFRESH));
		var customer = new ApiCustomer(rotation.customer(), referenceOf(rotation), rotation.family());
		return tokenDocument("refresh-tokens", accessTokens.issue(customer), rotation.refreshToken());
	}

	/**
	 * Always 204, as in Glue: a foreign or unknown token is left alone without telling.
	 */
	@DeleteMapping("/api/refresh-tokens/{token}")
	ResponseEntity<Object> revoke(@PathVariable String token, @AuthenticationPrincipal ApiCustomer customer) {
		if ("mine".equals(token)) {
			refreshTokens.revokeAll(customer.id());
		}
		else {
			refreshTokens.revoke(customer.id(), token);
		}
		return JsonApi.noContent();
	}

	@Hidden
	@DeleteMapping("/api/refresh-tokens")
	ResponseEntity<Object> revokeWithoutId() {
		throw new GlueException(GlueError.RESOURCE_ID_MISSING);
	}

	/** OAuth 2.0 token endpoint (RFC 6749): password and refresh_token grants. */
	@PostMapping(path = "/api/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Object> oauthToken(@RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response) {
		var grant = form.getOrDefault("grant_type", "");
		return switch (grant) {
			case "password" -> {
				var username = form.get("username");
				var password = form.get("password");
				if (username == null || username.isBlank() || password == null || password.isEmpty()) {
					yield oauthError("invalid_request", "The request is missing username or password.");
				}
				var family = RefreshTokens.newFamily();
				yield switch (login.attempt(username, password, attempt(request), secondFactor(request, family))) {
					case LoginOutcome.Succeeded<CustomerPrincipal> succeeded -> {
						response.setHeader(DEVICE_TOKEN, succeeded.deviceToken());
						yield oauthTokens(new ApiCustomer(succeeded.principal().id(),
								succeeded.principal().customerReference(), family),
								refreshTokens.issue(succeeded.principal().id(), family));
					}
					// the lockout answers as on /access-tokens: 429, code 4401, Spryker's
					// text
					case LoginOutcome.Blocked<CustomerPrincipal> blocked ->
						JsonApi.errors(429, java.util.List.of(GlueError.loginBlocked(blocked.minutes())));
					case LoginOutcome.Failed<CustomerPrincipal> failed ->
						oauthError("invalid_grant", "The user credentials were incorrect.");
					// as on /access-tokens: 403 code 5900 or 5901 in Glue's envelope
					case LoginOutcome.SecondFactorNeeded<CustomerPrincipal> needed ->
						throw GlueException.secondFactor(needed.check());
				};
			}
			case "refresh_token" -> {
				var token = form.get("refresh_token");
				if (token == null || token.isBlank()) {
					yield oauthError("invalid_request", "The request is missing refresh_token.");
				}
				yield refreshTokens.rotate(token)
					.map(rotation -> oauthTokens(
							new ApiCustomer(rotation.customer(), referenceOf(rotation), rotation.family()),
							rotation.refreshToken()))
					.orElseGet(() -> oauthError("invalid_grant", "The refresh token is invalid."));
			}
			case "client_credentials" -> clientCredentials(form, request);
			case "" -> oauthError("invalid_request", "The request is missing grant_type.");
			default -> oauthError("unsupported_grant_type", "Supported: password, refresh_token, client_credentials.");
		};
	}

	/**
	 * Back-office clients: id and secret in the form or as HTTP Basic; the secret is
	 * compared with its configured SHA-256 in constant time.
	 */
	private ResponseEntity<Object> clientCredentials(Map<String, String> form, HttpServletRequest request) {
		var clientId = form.get("client_id");
		var secret = form.get("client_secret");
		var authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				var decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
						java.nio.charset.StandardCharsets.UTF_8);
				var colon = decoded.indexOf(':');
				if (colon > 0) {
					clientId = decoded.substring(0, colon);
					secret = decoded.substring(colon + 1);
				}
			}
			catch (IllegalArgumentException ex) {
				return oauthError("invalid_client", "Client authentication failed.");
			}
		}
		if (clientId == null || secret == null) {
			return oauthError("invalid_request", "The request is missing client_id or client_secret.");
		}
		var expected = settings.backofficeClients().get(clientId);
		var actual = io.clientele.shared.Sha256.hex(secret);
		if (expected == null || !java.security.MessageDigest.isEqual(
				expected.strip()
					.toLowerCase(java.util.Locale.ROOT)
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(oauthErrorBody("invalid_client", "Client authentication failed."));
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("access_token", accessTokens.issueForClient(clientId));
		body.put("token_type", "Bearer");
		body.put("expires_in", accessTokens.lifetimeSeconds());
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
	}

	/** The public keys of access tokens, as JSON whatever the client accepts. */
	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<Object> jwks() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Cache-Control", "max-age=300")
			.body(keys.publicKeys().toJSONObject(true));
	}

	/**
	 * OWASP's device cookie for apps: the token a successful login returns in this
	 * header, sent back with later logins, keeps the app's failures apart from everyone
	 * else's.
	 */
	static final String DEVICE_TOKEN = "X-Device-Token";

	static LoginAttempt attempt(HttpServletRequest request) {
		return new LoginAttempt(request.getRemoteAddr(), request.getHeader(DEVICE_TOKEN));
	}

	/** The header that carries the second factor's code (Spryker's MFA). */
	static final String MFA_CODE = "X-MFA-Code";

	/**
	 * The second factor a login brings in {@value #MFA_CODE}; a right code opens the
	 * grace period of the token family the login begins.
	 */
	static SecondFactorProof secondFactor(HttpServletRequest request, UUID family) {
		return new SecondFactorProof(request.getHeader(MFA_CODE), ApiCustomer.graceKey(family));
	}

	/**
	 * The second factor a protected call brings in {@value #MFA_CODE}, within the grace
	 * period of the caller's token family.
	 */
	static SecondFactorProof secondFactor(HttpServletRequest request, ApiCustomer caller) {
		return new SecondFactorProof(request.getHeader(MFA_CODE), caller.graceKey());
	}

	/**
	 * A code in {@value #MFA_CODE} alone: turning methods on and off always asks for a
	 * fresh one, as Glue does, whatever the grace period.
	 */
	static SecondFactorProof freshSecondFactor(HttpServletRequest request) {
		return new SecondFactorProof(request.getHeader(MFA_CODE), null);
	}

	private ResponseEntity<Object> tokens(String type, ApiCustomer customer, UUID family) {
		return tokenDocument(type, accessTokens.issue(customer), refreshTokens.issue(customer.id(), family));
	}

	private ResponseEntity<Object> tokenDocument(String type, String accessToken, String refreshToken) {
		var attributes = JsonApi.attributes();
		attributes.put("tokenType", "Bearer");
		attributes.put("expiresIn", accessTokens.lifetimeSeconds());
		attributes.put("accessToken", accessToken);
		attributes.put("refreshToken", refreshToken);
		return JsonApi.single(HttpStatus.CREATED, JsonApi.resource(type, null, attributes, "/" + type));
	}

	private ResponseEntity<Object> oauthTokens(ApiCustomer customer, String refreshToken) {
		var body = new LinkedHashMap<String, Object>();
		body.put("access_token", accessTokens.issue(customer));
		body.put("token_type", "Bearer");
		body.put("expires_in", accessTokens.lifetimeSeconds());
		body.put("refresh_token", refreshToken);
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
	}

	private static ResponseEntity<Object> oauthError(String error, String description) {
		return ResponseEntity.badRequest().body(oauthErrorBody(error, description));
	}

	private static Map<String, String> oauthErrorBody(String error, String description) {
		var body = new LinkedHashMap<String, String>();
		body.put("error", error);
		body.put("error_description", description);
		return body;
	}

	private String referenceOf(RefreshTokens.Rotation rotation) {
		return customers.find(rotation.customer())
			.orElseThrow(() -> new GlueException(GlueError.FAILED_TO_REFRESH))
			.reference()
			.value();
	}

}
