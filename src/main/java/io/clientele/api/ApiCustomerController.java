package io.clientele.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.address.AddressBook;
import io.clientele.authentication.LoginOutcome;
import io.clientele.credentials.AccountClosure;
import io.clientele.credentials.AccountClosure.ClosureOutcome;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.credentials.Registrations;
import io.clientele.credentials.SignUp;
import io.clientele.credentials.SignUpOutcome;
import io.clientele.credentials.TokenCheck;
import io.clientele.customer.ChangeProfile;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerLocale;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.SecondFactors;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;

/** {@code /customers} and {@code /customer-confirmation}, as Glue serves them. */
@RestController
class ApiCustomerController {

	static final Set<String> SALUTATIONS = Set.of("Mr", "Mrs", "Ms", "Dr");

	static final Set<String> GENDERS = Set.of("Male", "Female");

	// Spryker's name rule (CustomerConfig::PATTERN_FIRST_NAME): no < > : /
	static final Pattern FORBIDDEN_IN_NAMES = Pattern.compile("[<>:/]");

	private final SignUp signUp;

	private final Registrations registrations;

	private final CustomerManagement customers;

	private final JsonMapper json;

	private final AddressBook addresses;

	private final PasswordPolicy policy;

	private final SecondFactors factors;

	private final AccountClosure closure;

	ApiCustomerController(SignUp signUp, Registrations registrations, CustomerManagement customers, JsonMapper json,
			AddressBook addresses, PasswordPolicy policy, SecondFactors factors, AccountClosure closure) {
		this.policy = policy;
		this.factors = factors;
		this.closure = closure;
		this.addresses = addresses;
		this.signUp = signUp;
		this.registrations = registrations;
		this.customers = customers;
		this.json = json;
	}

	@PostMapping(path = "/api/customers", consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> register(@RequestBody String body, Locale locale, HttpServletRequest request) {
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "customers"));
		rules.required("salutation").notBlank().choice(SALUTATIONS);
		rules.required("firstName").notBlank().maxLength(100).noneOf(FORBIDDEN_IN_NAMES);
		rules.required("lastName").notBlank().maxLength(100).noneOf(FORBIDDEN_IN_NAMES);
		rules.required("email").notBlank().email();
		rules.required("gender").notBlank().choice(GENDERS);
		rules.required("password").notBlank().passwordLength(policy);
		rules.required("confirmPassword").notBlank().passwordLength(policy);
		rules.required("acceptedTerms").isTrue();
		rules.optional("dateOfBirth").date();
		rules.check();
		if (!rules.textOrEmpty("password").equals(rules.textOrEmpty("confirmPassword"))) {
			throw new GlueException(GlueError.notIdentical("password", "confirmPassword"));
		}
		var data = new RegisterCustomer(rules.textOrEmpty("salutation"), rules.textOrEmpty("firstName"),
				rules.textOrEmpty("lastName"), rules.textOrEmpty("email"), rules.text("gender"), dateOfBirth(rules),
				null, null, CustomerLocale.closestTo(locale).code(), false);
		var violations = signUp.check(data, rules.textOrEmpty("password"));
		if (!violations.isEmpty()) {
			throw new GlueException(errorsFor(violations));
		}
		return switch (signUp.register(data, rules.textOrEmpty("password"), request.getRemoteAddr())) {
			case SignUpOutcome.Registered registered ->
				JsonApi.single(HttpStatus.CREATED, resource(registered.customer()));
			case SignUpOutcome.AddressAlreadyRegistered taken -> throw new GlueException(GlueError.EMAIL_ALREADY_USED);
			// the same for a known and an unknown address: the limit counts both
			case SignUpOutcome.TooManyRegistrations limited -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.contentType(JsonApi.MEDIA_TYPE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfter().toSeconds()))
				.body(Map.of("errors", List.of(GlueError.TOO_MANY_REGISTRATIONS)));
		};
	}

	@GetMapping("/api/customers")
	ResponseEntity<Object> self(@AuthenticationPrincipal ApiCustomer caller) {
		var customer = active(caller);
		return JsonApi.collection(List.of(resource(customer)), "/customers");
	}

	/** Another customer's reference answers as an unknown one: 404, code 402. */
	@GetMapping("/api/customers/{reference}")
	ResponseEntity<Object> read(@PathVariable String reference,
			@RequestParam(required = false) @Nullable String include, @AuthenticationPrincipal ApiCustomer caller) {
		if (!caller.reference().equals(reference)) {
			throw new GlueException(GlueError.CUSTOMER_NOT_FOUND);
		}
		var resource = resource(active(caller));
		if (include == null || !java.util.Arrays.asList(include.split(",")).contains("addresses")) {
			return JsonApi.single(HttpStatus.OK, resource);
		}
		// JSON:API compound document: relationships in the resource, the addresses in
		// "included"
		var included = addresses.list(caller.id())
			.stream()
			.map(a -> ApiAddressController.resource(reference, a))
			.toList();
		resource.put("relationships", Map.of("addresses",
				Map.of("data", included.stream().map(a -> Map.of("type", "addresses", "id", a.get("id"))).toList())));
		var document = new java.util.LinkedHashMap<String, Object>();
		document.put("data", resource);
		document.put("links", resource.get("links"));
		document.put("included", included);
		return ResponseEntity.ok().contentType(JsonApi.MEDIA_TYPE).body(document);
	}

	@PatchMapping(path = "/api/customers/{reference}", consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> update(@PathVariable String reference, @RequestBody String body,
			@AuthenticationPrincipal ApiCustomer caller, HttpServletRequest request) {
		if (!caller.reference().equals(reference)) {
			throw new GlueException(GlueError.UNAUTHORIZED);
		}
		var current = active(caller);
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "customers"));
		rules.optional("salutation").notBlank().choice(SALUTATIONS);
		rules.optional("firstName").notBlank().maxLength(100).noneOf(FORBIDDEN_IN_NAMES);
		rules.optional("lastName").notBlank().maxLength(100).noneOf(FORBIDDEN_IN_NAMES);
		rules.optional("email").notBlank().email();
		rules.optional("gender").notBlank().choice(GENDERS);
		rules.optional("dateOfBirth").date();
		rules.optional("password").passwordLength(policy);
		rules.optional("confirmPassword").passwordLength(policy);
		rules.check();
		if (rules.has("password") && !rules.textOrEmpty("password").equals(rules.textOrEmpty("confirmPassword"))) {
			throw new GlueException(GlueError.notIdentical("password", "confirmPassword"));
		}
		// A protected action in Spryker's MFA: checked (and a right code's grace period
		// opened) only once the request is valid, so a refused request uses up no code.
		var secondFactor = factors.require(FactorOwner.customer(current),
				ApiTokenController.secondFactor(request, caller));
		if (!secondFactor.satisfied()) {
			throw GlueException.secondFactor(secondFactor);
		}
		// As in Glue, this endpoint never changes the password; a new e-mail address
		// takes effect only through its verification link (docs/api.md).
		try {
			var customer = customers.changeProfile(caller.id(),
					new ChangeProfile(rules.text("salutation"), rules.text("firstName"), rules.text("lastName"),
							rules.text("gender"), dateOfBirth(rules), null, null));
			return JsonApi.single(HttpStatus.OK, resource(customer));
		}
		catch (InvalidInput ex) {
			throw new GlueException(errorsFor(ex.violations()));
		}
	}

	/**
	 * Closes the account (anonymisation, spec §2.5, audited, a last mail) once the second
	 * factor, if any, passes; another customer's reference: 403, code 411.
	 */
	@DeleteMapping("/api/customers/{reference}")
	ResponseEntity<Object> delete(@PathVariable String reference, @AuthenticationPrincipal ApiCustomer caller,
			HttpServletRequest request) {
		if (!caller.reference().equals(reference)) {
			throw new GlueException(GlueError.UNAUTHORIZED);
		}
		active(caller);
		return switch (closure.closeSignedIn(caller.id(), ApiTokenController.secondFactor(request, caller))) {
			case ClosureOutcome.Closed closed -> JsonApi.noContent();
			case ClosureOutcome.SecondFactorRefused refused -> throw GlueException.secondFactor(refused.check());
			// closing with a token asks for no password
			case ClosureOutcome.WrongPassword wrong -> throw new GlueException(GlueError.INVALID_PASSWORD);
			case ClosureOutcome.Blocked blocked ->
				throw new GlueException(GlueError.loginBlocked(LoginOutcome.wholeMinutes(blocked.remaining())));
		};
	}

	@Hidden
	@RequestMapping(path = "/api/customers", method = { RequestMethod.PATCH, RequestMethod.DELETE })
	ResponseEntity<Object> withoutId() {
		throw new GlueException(GlueError.RESOURCE_ID_MISSING);
	}

	@PostMapping(path = "/api/customer-confirmation", consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> confirm(@RequestBody String body) {
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "customer-confirmation"));
		rules.required("registrationKey").notBlank();
		rules.check();
		if (registrations.confirm(rules.textOrEmpty("registrationKey")) instanceof TokenCheck.Valid) {
			return JsonApi.noContent();
		}
		throw new GlueException(GlueError.CONFIRMATION_CODE_INVALID);
	}

	// A closed account is gone for its remaining access tokens too.
	private CustomerDetails active(ApiCustomer caller) {
		return customers.find(caller.id())
			.filter(customer -> !customer.anonymized() && !customer.blocked())
			.orElseThrow(() -> new GlueException(GlueError.CUSTOMER_NOT_FOUND));
	}

	static Map<String, Object> resource(CustomerDetails customer) {
		var attributes = JsonApi.attributes();
		attributes.put("firstName", customer.firstName());
		attributes.put("lastName", customer.lastName());
		attributes.put("email", customer.email().value());
		attributes.put("gender", customer.gender() == null ? null : customer.gender().name());
		attributes.put("dateOfBirth", JsonApi.date(customer.dateOfBirth()));
		attributes.put("salutation", customer.salutation() == null ? null : customer.salutation().name());
		attributes.put("createdAt", JsonApi.timestamp(customer.createdAt()));
		attributes.put("updatedAt", JsonApi.timestamp(customer.updatedAt()));
		var reference = customer.reference().value();
		return JsonApi.resource("customers", reference, attributes, "/customers/" + reference);
	}

	private static LocalDate dateOfBirth(AttributeRules rules) {
		var text = rules.text("dateOfBirth");
		return text == null || text.isBlank() ? null : LocalDate.parse(text);
	}

	/** Domain violations the request rules did not catch, as Glue's business errors. */
	static List<GlueError> errorsFor(List<Violation> violations) {
		var errors = new ArrayList<GlueError>();
		var passwordViolations = new ArrayList<Violation>();
		for (var violation : violations) {
			switch (violation.messageKey()) {
				case "email.too-long" -> errors.add(GlueError.EMAIL_TOO_LONG);
				case "email.invalid", "email.required" -> errors.add(GlueError.INVALID_EMAIL);
				default -> {
					if (violation.field().equals("password")) {
						passwordViolations.add(violation);
					}
					else {
						errors.add(GlueError.validation(violation.field(), "This value is not valid."));
					}
				}
			}
		}
		errors.addAll(PasswordErrors.of(passwordViolations));
		return errors.isEmpty() ? List.of(GlueError.FAILED_TO_SAVE_CUSTOMER) : errors;
	}

}
