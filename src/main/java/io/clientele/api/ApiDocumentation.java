package io.clientele.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Completes the generated {@code /api/openapi.json}: what each operation does, an example
 * request, and the answers with their Glue codes (the controllers read raw JSON:API
 * documents, which springdoc cannot describe by itself).
 */
@Component
class ApiDocumentation implements OpenApiCustomizer {

	private record Doc(String summary, boolean bearer, String example, Map<String, String> responses) {
	}

	private static final String GLUE_VALIDATION = "Request validation failed (code 901, \"<field> => <message>\")";

	private static final String SECOND_FACTOR_REFUSED = "X-MFA-Code missing (5900) or invalid (5901)";

	private static final String SECOND_FACTOR_LOCKED = "too many wrong codes (5901, with Retry-After)";

	/**
	 * The operations that read the second factor's code from
	 * {@value ApiTokenController#MFA_CODE}.
	 */
	static final Set<String> SECOND_FACTOR = Set.of("POST /api/access-tokens", "POST /api/token",
			"PATCH /api/customer-password/{reference}", "PATCH /api/customers/{reference}",
			"DELETE /api/customers/{reference}", "POST /api/multi-factor-auth-type-activate",
			"POST /api/multi-factor-auth-type-verify", "POST /api/multi-factor-auth-type-deactivate");

	private static final Map<String, Doc> OPERATIONS = Map.ofEntries(Map.entry("POST /api/customers", new Doc(
			"Register a customer (double opt-in mail)", false,
			"""
					{"data":{"type":"customers","attributes":{"salutation":"Mrs","firstName":"Sonia","lastName":"Wagner","email":"sonia@example.com","gender":"Female","password":"blue-kettle-harbour-7","confirmPassword":"blue-kettle-harbour-7","acceptedTerms":true}}}""",
			Map.of("201", "The new customer", "422",
					GLUE_VALIDATION + "; 406 passwords differ; 400 address already in use, 416/417 e-mail", "400",
					"Password rules: 418-422, 426-428", "429",
					"Too many registrations from the client or for the address (429), with Retry-After"))),
			Map.entry("GET /api/customers",
					new Doc("The calling customer, as a collection", true, "",
							Map.of("200", "A collection of one", "403", "Missing access token (002)", "401",
									"Invalid access token (001)"))),
			Map.entry("GET /api/customers/{reference}",
					new Doc("Read a customer; ?include=addresses", true, "",
							Map.of("200", "The customer", "404",
									"Customer not found (402), also for another's reference"))),
			Map.entry("PATCH /api/customers/{reference}",
					new Doc("Change the profile (protected by the second factor)", true, """
							{"data":{"type":"customers","attributes":{"lastName":"Johnson"}}}""",
							Map.of("200", "The changed customer", "403",
									"Another customer's reference (411); " + SECOND_FACTOR_REFUSED, "422",
									GLUE_VALIDATION, "429", SECOND_FACTOR_LOCKED))),
			Map.entry("DELETE /api/customers/{reference}", new Doc(
					"Close the account (anonymisation; protected by the second factor)", true, "",
					Map.of("204", "Anonymised", "403", "Another customer's reference (411); " + SECOND_FACTOR_REFUSED,
							"429", SECOND_FACTOR_LOCKED))),
			Map.entry("POST /api/customer-confirmation",
					new Doc("Confirm the e-mail address (double opt-in)", false, """
							{"data":{"type":"customer-confirmation","attributes":{"registrationKey":"…"}}}""",
							Map.of("204", "Confirmed", "422", "Invalid or used key (423)"))),
			Map.entry("POST /api/access-tokens", new Doc(
					"Log in: access and refresh token; with a second factor, its code in X-MFA-Code", false,
					"""
							{"data":{"type":"access-tokens","attributes":{"username":"sonia@example.com","password":"…"}}}""",
					Map.of("201", "Tokens", "401", "Failed to authenticate (003)", "403",
							SECOND_FACTOR_REFUSED + "; without the header an e-mail-only account is mailed a code",
							"429", "Blocked (4401); " + SECOND_FACTOR_LOCKED))),
			Map.entry("POST /api/refresh-tokens",
					new Doc("Rotate a refresh token", false, """
							{"data":{"type":"refresh-tokens","attributes":{"refreshToken":"…"}}}""",
							Map.of("201", "New tokens", "401", "Invalid, expired, revoked or replayed (004)"))),
			Map.entry("DELETE /api/refresh-tokens/{token}",
					new Doc("Revoke a refresh token, or all with \"mine\"", true, "", Map.of("204", "Always"))),
			Map.entry("POST /api/token",
					new Doc("OAuth 2.0 token endpoint: grant_type password, refresh_token or client_credentials", false,
							"grant_type=password&username=sonia%40example.com&password=…",
							Map.of("200", "access_token, token_type, expires_in, refresh_token", "400",
									"invalid_request, invalid_grant, unsupported_grant_type", "401", "invalid_client",
									"403", "password grant: " + SECOND_FACTOR_REFUSED, "429",
									"Blocked (4401); " + SECOND_FACTOR_LOCKED))),
			Map.entry("PATCH /api/customer-password/{reference}", new Doc(
					"Change the password (protected by the second factor)", true,
					"""
							{"data":{"type":"customer-password","attributes":{"password":"…","newPassword":"…","confirmPassword":"…"}}}""",
					Map.of("204", "Changed; every refresh token revoked", "400",
							"Wrong current password (408) or password rules", "403",
							"Another's reference (411); " + SECOND_FACTOR_REFUSED, "429",
							"Blocked (4401); " + SECOND_FACTOR_LOCKED))),
			Map.entry("GET /api/multi-factor-auth-types",
					new Doc("The caller's second-factor methods (email, totp), status 0 off, 1 activating, 2 on", true,
							"", Map.of("200", "A collection without ids", "400", "Customer not found (5907)"))),
			Map.entry("POST /api/multi-factor-auth-trigger",
					new Doc("Mail a code of the e-mail method", true, """
							{"data":{"type":"multi-factor-auth-trigger","attributes":{"type":"email"}}}""",
							Map.of("204", "Sent (nothing to send for totp)", "400",
									"Type missing (5902) or not enabled or unknown (5906)", "429",
									"A code went out a moment ago (5920), or " + SECOND_FACTOR_LOCKED))),
			Map.entry("POST /api/multi-factor-auth-type-activate", new Doc(
					"Start turning a method on; with another method on, its code in X-MFA-Code", true, """
							{"data":{"type":"multi-factor-auth-type-activate","attributes":{"type":"totp"}}}""",
					Map.of("204", "email: a code was mailed", "201",
							"totp: attributes secret, uri (otpauth://) and qrCode (SVG data URI), shown once", "400",
							"Type missing (5902), unknown (5906) or already on (5904)", "403", SECOND_FACTOR_REFUSED,
							"429", "A code went out a moment ago (5920), or " + SECOND_FACTOR_LOCKED))),
			Map.entry("POST /api/multi-factor-auth-type-verify", new Doc(
					"Turn the method on with its code in X-MFA-Code", true, """
							{"data":{"type":"multi-factor-auth-type-verify","attributes":{"type":"email"}}}""",
					Map.of("204", "On", "200", "On, and it is the first method: attributes recoveryCodes, shown once",
							"400", "Type missing (5902), not being turned on (5906) or on already (5904)", "403",
							SECOND_FACTOR_REFUSED, "429", SECOND_FACTOR_LOCKED))),
			Map.entry("POST /api/multi-factor-auth-type-deactivate",
					new Doc("Turn a method off with a code of an enabled method in X-MFA-Code", true, """
							{"data":{"type":"multi-factor-auth-type-deactivate","attributes":{"type":"email"}}}""",
							Map.of("204", "Off", "400", "Type missing (5902), unknown (5906) or not on (5903)", "403",
									SECOND_FACTOR_REFUSED, "429", SECOND_FACTOR_LOCKED))),
			Map.entry("POST /api/customer-forgotten-password", new Doc("Ask for a reset link", false, """
					{"data":{"type":"customer-forgotten-password","attributes":{"email":"sonia@example.com"}}}""",
					Map.of("204", "Always, with or without an account", "422", GLUE_VALIDATION))),
			Map.entry("PATCH /api/customer-restore-password/{id}", new Doc("Choose a new password with the key", false,
					"""
							{"data":{"type":"customer-restore-password","id":"any","attributes":{"restorePasswordKey":"…","password":"…","confirmPassword":"…"}}}""",
					Map.of("204", "Restored", "422", "Invalid key (415) or passwords differ (406)", "400",
							"Expired key (407) or password rules"))),
			Map.entry("GET /api/customers/{reference}/addresses",
					new Doc("List the addresses", true, "",
							Map.of("200", "Collection", "403", "Another's reference (411)"))),
			Map.entry("POST /api/customers/{reference}/addresses", new Doc("Add an address", true,
					"""
							{"data":{"type":"addresses","attributes":{"salutation":"Mr","firstName":"Spencor","lastName":"Hopkin","address1":"Julie-Wolfthorn-Straße","address2":"1","zipCode":"10115","city":"Berlin","iso2Code":"DE","isDefaultShipping":false,"isDefaultBilling":false}}}""",
					Map.of("201", "The address", "422", GLUE_VALIDATION))),
			Map.entry("GET /api/customers/{reference}/addresses/{id}",
					new Doc("Read an address", true, "",
							Map.of("200", "The address", "404", "Address was not found (404)"))),
			Map.entry("PATCH /api/customers/{reference}/addresses/{id}",
					new Doc("Change an address", true, """
							{"data":{"type":"addresses","attributes":{"city":"Hamburg","isDefaultBilling":true}}}""",
							Map.of("200", "The address", "404", "Address was not found (404)"))),
			Map.entry("DELETE /api/customers/{reference}/addresses/{id}",
					new Doc("Delete an address", true, "",
							Map.of("204", "Deleted", "404", "Address was not found (404)"))),
			Map.entry("GET /api/orders",
					new Doc("The customer's orders, page[offset] and page[limit]", true, "",
							Map.of("200", "A page of orders, newest first"))),
			Map.entry("GET /api/orders/{orderReference}",
					new Doc("One order with items and addresses", true, "",
							Map.of("200", "The order", "404", "Not the customer's order (801)"))),
			Map.entry("GET /api/customers/{reference}/orders",
					new Doc("The customer's orders", true, "",
							Map.of("200", "A page of orders", "403", "Another's reference (802)"))),
			Map.entry("PUT /api/backoffice/orders/{orderReference}", new Doc(
					"Upsert an order (client credentials); a guest e-mail creates a customer without a login", true,
					"""
							{"data":{"type":"orders","attributes":{"customerReference":"DE--1","currencyIsoCode":"EUR","state":"new","createdAt":"2026-11-20T10:15:30Z","totals":{"grandTotal":10990},"items":[{"sku":"066_23294028","name":"Samsung Galaxy S5","quantity":1,"unitPrice":10500,"sumPrice":10500}]}}}""",
					Map.of("201", "New order", "200", "Replaced order", "422", GLUE_VALIDATION))),
			Map.entry("GET /api/backoffice/customers",
					new Doc("Find a customer by email or reference", true, "",
							Map.of("200", "A collection of none or one"))),
			Map.entry("GET /.well-known/jwks.json",
					new Doc("Public keys of access tokens (JWKS)", false, "", Map.of("200", "JWK set"))));

	@Override
	public void customise(OpenAPI openApi) {
		openApi.info(new Info().title("Clientele API")
			.version("1")
			.description("Glue-compatible customer API: JSON:API documents (application/vnd.api+json), "
					+ "errors as {\"errors\":[{\"code\",\"status\",\"detail\"}]}. See docs/api.md."));
		openApi.components(new Components().addSecuritySchemes("bearer",
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			var key = method.name() + " " + path;
			var doc = OPERATIONS.get(key);
			if (doc != null) {
				describe(operation, doc);
			}
			if (SECOND_FACTOR.contains(key)) {
				operation.addParametersItem(new HeaderParameter().name(ApiTokenController.MFA_CODE)
					.required(false)
					.description("The second factor: a six-digit code (e-mailed or from the authenticator app)"
							+ " or a recovery code; needed when the account has a method on, except within the"
							+ " grace period of the token's login (not for turning methods on and off)")
					.schema(new Schema<String>().type("string").example("123456")));
			}
		}));
	}

	private static void describe(Operation operation, Doc doc) {
		operation.summary(doc.summary());
		if (doc.bearer()) {
			operation.security(List.of(new SecurityRequirement().addList("bearer")));
		}
		if (!doc.example().isBlank() && operation.getRequestBody() != null) {
			var type = doc.example().startsWith("{") ? "application/vnd.api+json" : "application/x-www-form-urlencoded";
			operation.getRequestBody()
				.content(new Content().addMediaType(type,
						new MediaType().schema(new Schema<>().type("object")).example(doc.example())));
		}
		var responses = new ApiResponses();
		doc.responses()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> responses.addApiResponse(entry.getKey(),
					new ApiResponse().description(entry.getValue())
						.content(new Content().addMediaType("application/vnd.api+json",
								new MediaType().schema(new Schema<>().type("object"))))));
		operation.responses(responses);
	}

}
