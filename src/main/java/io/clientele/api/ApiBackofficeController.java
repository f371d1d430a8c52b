package io.clientele.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerLocale;
import io.clientele.customer.CustomerManagement;
import io.clientele.orderhistory.OrderData;
import io.clientele.orderhistory.OrderHistory;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the shop's checkout and back-end systems (OAuth 2.0 client credentials): upserting
 * orders and looking customers up. An order for a guest address without an account
 * creates a customer without a login, who sees the order once they register and confirm
 * that address.
 */
@RestController
class ApiBackofficeController {

	static final Set<String> PRICE_MODES = Set.of("GROSS_MODE", "NET_MODE");

	private static final DateTimeFormatter SPRYKER_TIMESTAMP = DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

	private final OrderHistory orders;

	private final CustomerManagement customers;

	private final JsonMapper json;

	ApiBackofficeController(OrderHistory orders, CustomerManagement customers, JsonMapper json) {
		this.orders = orders;
		this.customers = customers;
		this.json = json;
	}

	/**
	 * Idempotent: the same order twice changes nothing; 201 when new, 200 when replaced.
	 */
	@PutMapping(path = "/api/backoffice/orders/{orderReference}",
			consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> upsert(@PathVariable String orderReference, @RequestBody String body) {
		var attributes = JsonApiRequest.attributes(json, body, "orders");
		var rules = new AttributeRules(attributes);
		rules.optional("customerReference").notBlank().maxLength(255);
		rules.optional("email").notBlank().email().maxLength(100);
		rules.required("currencyIsoCode").notBlank().length(3, 3);
		rules.optional("priceMode").choice(PRICE_MODES);
		rules.required("state").notBlank().maxLength(100);
		rules.required("createdAt").notBlank();
		rules.optional("paymentMethod").maxLength(255);
		rules.optional("shipmentMethod").maxLength(255);
		rules.check();
		var errors = new ArrayList<GlueError>();
		if (rules.has("customerReference") == rules.has("email")) {
			errors.add(GlueError.validation("customerReference",
					"Give either customerReference or email (for a guest), not both."));
		}
		var orderedAt = instant(rules.textOrEmpty("createdAt"));
		if (orderedAt == null) {
			errors.add(GlueError.validation("createdAt", "This value is not a valid datetime."));
		}
		var totals = totals(attributes.get("totals"), errors);
		var items = items(attributes.get("items"), errors);
		var billing = object(attributes.get("billingAddress"), "billingAddress", errors);
		var shipping = object(attributes.get("shippingAddress"), "shippingAddress", errors);
		if (!errors.isEmpty()) {
			throw new GlueException(errors);
		}
		var customer = customerFor(rules, billing);
		var order = new OrderData(orderReference, rules.textOrEmpty("currencyIsoCode").toUpperCase(Locale.ROOT),
				rules.text("priceMode") == null ? "GROSS_MODE" : rules.textOrEmpty("priceMode"),
				rules.textOrEmpty("state"), totals, items, billing, shipping, rules.text("paymentMethod"),
				rules.text("shipmentMethod"), orderedAt);
		var created = orders.record(customer.id(), order);
		var stored = orders.find(customer.id(), orderReference).orElseThrow();
		var resource = ApiOrderController.resource(stored, true);
		@SuppressWarnings("unchecked")
		var resourceAttributes = (Map<String, Object>) resource.get("attributes");
		resourceAttributes.put("customerReference", customer.reference().value());
		return JsonApi.single(created ? HttpStatus.CREATED : HttpStatus.OK, resource);
	}

	/** The customer with this address or reference: a collection of none or one. */
	@GetMapping("/api/backoffice/customers")
	ResponseEntity<Object> find(@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String reference) {
		if ((email == null) == (reference == null)) {
			throw new GlueException(new GlueError("901", 422, "email => Give either email or reference."));
		}
		var found = email != null
				? (EmailAddress.problemWith(email).isEmpty() ? customers.findByEmail(EmailAddress.of(email))
						: java.util.Optional.<CustomerDetails>empty())
				: customers.findByReference(reference == null ? "" : reference);
		var resources = found.map(customer -> {
			var resource = ApiCustomerController.resource(customer);
			@SuppressWarnings("unchecked")
			var attributes = (Map<String, Object>) resource.get("attributes");
			attributes.put("customerReference", customer.reference().value());
			attributes.put("registered", customer.confirmed());
			return resource;
		}).stream().toList();
		return JsonApi.collection(resources, "/backoffice/customers");
	}

	private CustomerDetails customerFor(AttributeRules rules, @Nullable Map<String, Object> billing) {
		if (rules.has("customerReference")) {
			return customers.findByReference(rules.textOrEmpty("customerReference"))
				.orElseThrow(() -> new GlueException(GlueError.CUSTOMER_NOT_FOUND));
		}
		var email = EmailAddress.of(rules.textOrEmpty("email"));
		var first = billing == null ? "" : String.valueOf(billing.getOrDefault("firstName", ""));
		var last = billing == null ? "" : String.valueOf(billing.getOrDefault("lastName", ""));
		var salutation = billing == null ? "" : String.valueOf(billing.getOrDefault("salutation", ""));
		try {
			return customers.findOrRegisterGuest(email, salutation, first, last, CustomerLocale.EN_US.code());
		}
		catch (DuplicateKeyException raceWithAnotherOrder) {
			return customers.findByEmail(email).orElseThrow();
		}
		catch (InvalidInput ex) {
			throw new GlueException(ex.violations()
				.stream()
				.map(v -> GlueError.validation("billingAddress." + v.field(), "This value is not valid."))
				.toList());
		}
	}

	private static @Nullable Instant instant(String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text, SPRYKER_TIMESTAMP).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	private static OrderData.Totals totals(@Nullable JsonNode node, List<GlueError> errors) {
		if (node == null || !node.isObject()) {
			errors.add(GlueError.validation("totals", "This field is missing."));
			return new OrderData.Totals(0, 0, 0, 0, 0, 0, 0);
		}
		return new OrderData.Totals(cents(node, "subtotal", errors), cents(node, "expenseTotal", errors),
				cents(node, "discountTotal", errors), cents(node, "taxTotal", errors),
				cents(node, "grandTotal", errors), cents(node, "canceledTotal", errors),
				cents(node, "remunerationTotal", errors));
	}

	private static long cents(JsonNode totals, String field, List<GlueError> errors) {
		var value = totals.get(field);
		if (value == null || value.isNull()) {
			return 0;
		}
		if (!value.isIntegralNumber()) {
			errors.add(GlueError.validation("totals." + field, "This value should be of type int."));
			return 0;
		}
		return value.longValue();
	}

	private List<Map<String, Object>> items(@Nullable JsonNode node, List<GlueError> errors) {
		if (node == null || !node.isArray()) {
			errors.add(GlueError.validation("items", "This field is missing."));
			return List.of();
		}
		var items = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < node.size(); i++) {
			var item = node.get(i);
			var path = "items." + i;
			if (!item.isObject()) {
				errors.add(GlueError.validation(path, "This value should be of type array."));
				continue;
			}
			for (var field : List.of("sku", "name")) {
				if (item.get(field) == null || !item.get(field).isString() || item.get(field).stringValue().isBlank()) {
					errors.add(GlueError.validation(path + "." + field, "This value should not be blank."));
				}
			}
			for (var field : List.of("quantity", "unitPrice", "sumPrice")) {
				if (item.get(field) == null || !item.get(field).isIntegralNumber()) {
					errors.add(GlueError.validation(path + "." + field, "This value should be of type int."));
				}
			}
			items.add(json.convertValue(item, new TypeReference<LinkedHashMap<String, Object>>() {
			}));
		}
		return items;
	}

	private @Nullable Map<String, Object> object(@Nullable JsonNode node, String field, List<GlueError> errors) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			errors.add(GlueError.validation(field, "This value should be of type array."));
			return null;
		}
		return json.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

}
