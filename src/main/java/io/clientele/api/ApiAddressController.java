package io.clientele.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.address.AddressBook;
import io.clientele.address.AddressData;
import io.clientele.address.AddressDetails;
import io.clientele.address.AddressNotFound;
import io.clientele.shared.InvalidInput;
import io.clientele.shared.Violation;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /customers/{customerReference}/addresses}: another customer's reference answers
 * 403 (code 411), another customer's address 404 (code 404), as Glue does.
 */
@RestController
class ApiAddressController {

	static final GlueError ADDRESS_NOT_FOUND = new GlueError("404", 404, "Address was not found.");

	static final GlueError FAILED_TO_SAVE_ADDRESS = new GlueError("409", 400, "Failed to save customer address.");

	private final AddressBook addresses;

	private final JsonMapper json;

	ApiAddressController(AddressBook addresses, JsonMapper json) {
		this.addresses = addresses;
		this.json = json;
	}

	@GetMapping("/api/customers/{reference}/addresses")
	ResponseEntity<Object> list(@PathVariable String reference, @AuthenticationPrincipal ApiCustomer caller) {
		owner(reference, caller);
		var resources = addresses.list(caller.id()).stream().map(a -> resource(reference, a)).toList();
		return JsonApi.collection(resources, "/customers/" + reference + "/addresses");
	}

	@GetMapping("/api/customers/{reference}/addresses/{id}")
	ResponseEntity<Object> read(@PathVariable String reference, @PathVariable String id,
			@AuthenticationPrincipal ApiCustomer caller) {
		owner(reference, caller);
		return JsonApi.single(HttpStatus.OK, resource(reference, address(caller, id)));
	}

	@PostMapping(path = "/api/customers/{reference}/addresses",
			consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> add(@PathVariable String reference, @RequestBody String body,
			@AuthenticationPrincipal ApiCustomer caller) {
		owner(reference, caller);
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "addresses"));
		rules.required("salutation").notBlank().choice(ApiCustomerController.SALUTATIONS);
		rules.required("firstName").notBlank().maxLength(100);
		rules.required("lastName").notBlank().maxLength(100);
		rules.required("address1").notBlank().maxLength(255);
		rules.required("address2").notBlank().maxLength(255);
		rules.optional("address3").maxLength(255);
		rules.required("zipCode").notBlank().maxLength(15);
		rules.required("city").notBlank().length(3, 255);
		rules.required("iso2Code").notBlank().maxLength(2);
		rules.optional("phone").maxLength(255);
		rules.optional("company").maxLength(255);
		rules.required("isDefaultShipping").bool();
		rules.required("isDefaultBilling").bool();
		rules.check();
		try {
			var address = addresses.add(caller.id(), data(rules), Boolean.TRUE.equals(rules.bool("isDefaultBilling")),
					Boolean.TRUE.equals(rules.bool("isDefaultShipping")));
			return JsonApi.single(HttpStatus.CREATED, resource(reference, address));
		}
		catch (InvalidInput ex) {
			throw new GlueException(errorsFor(ex.violations()));
		}
	}

	@PatchMapping(path = "/api/customers/{reference}/addresses/{id}",
			consumes = { "application/vnd.api+json", "application/json" })
	ResponseEntity<Object> change(@PathVariable String reference, @PathVariable String id, @RequestBody String body,
			@AuthenticationPrincipal ApiCustomer caller) {
		owner(reference, caller);
		var rules = new AttributeRules(JsonApiRequest.attributes(json, body, "addresses"));
		rules.optional("salutation").notBlank().choice(ApiCustomerController.SALUTATIONS);
		rules.optional("firstName").notBlank().maxLength(100);
		rules.optional("lastName").notBlank().maxLength(100);
		rules.optional("address1").notBlank().maxLength(255);
		rules.optional("address2").notBlank().maxLength(255);
		rules.optional("address3").maxLength(255);
		rules.optional("zipCode").notBlank().maxLength(15);
		rules.optional("city").notBlank().length(3, 255);
		rules.optional("iso2Code").notBlank().maxLength(2);
		rules.optional("phone").maxLength(255);
		rules.optional("company").maxLength(255);
		rules.optional("isDefaultShipping").bool();
		rules.optional("isDefaultBilling").bool();
		rules.check();
		try {
			var address = addresses.change(caller.id(), uuid(id), data(rules), rules.bool("isDefaultBilling"),
					rules.bool("isDefaultShipping"));
			return JsonApi.single(HttpStatus.OK, resource(reference, address));
		}
		catch (AddressNotFound ex) {
			throw new GlueException(ADDRESS_NOT_FOUND);
		}
		catch (InvalidInput ex) {
			throw new GlueException(errorsFor(ex.violations()));
		}
	}

	@DeleteMapping("/api/customers/{reference}/addresses/{id}")
	ResponseEntity<Object> remove(@PathVariable String reference, @PathVariable String id,
			@AuthenticationPrincipal ApiCustomer caller) {
		owner(reference, caller);
		try {
			addresses.remove(caller.id(), uuid(id));
			return JsonApi.noContent();
		}
		catch (AddressNotFound ex) {
			throw new GlueException(ADDRESS_NOT_FOUND);
		}
	}

	static Map<String, Object> resource(String reference, AddressDetails address) {
		var attributes = JsonApi.attributes();
		attributes.put("salutation", address.salutation());
		attributes.put("firstName", address.firstName());
		attributes.put("lastName", address.lastName());
		attributes.put("address1", address.address1());
		attributes.put("address2", address.address2());
		attributes.put("address3", address.address3());
		attributes.put("zipCode", address.zipCode());
		attributes.put("city", address.city());
		attributes.put("country", address.countryName());
		attributes.put("iso2Code", address.iso2Code());
		attributes.put("company", address.company());
		attributes.put("phone", address.phone());
		attributes.put("isDefaultShipping", address.defaultShipping());
		attributes.put("isDefaultBilling", address.defaultBilling());
		var id = address.id().toString();
		return JsonApi.resource("addresses", id, attributes, "/customers/" + reference + "/addresses/" + id);
	}

	private static void owner(String reference, ApiCustomer caller) {
		if (!caller.reference().equals(reference)) {
			throw new GlueException(GlueError.UNAUTHORIZED);
		}
	}

	private AddressDetails address(ApiCustomer caller, String id) {
		try {
			return addresses.find(caller.id(), uuid(id));
		}
		catch (AddressNotFound ex) {
			throw new GlueException(ADDRESS_NOT_FOUND);
		}
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new GlueException(ADDRESS_NOT_FOUND);
		}
	}

	private static AddressData data(AttributeRules rules) {
		return new AddressData(rules.text("salutation"), rules.text("firstName"), rules.text("lastName"),
				rules.text("address1"), rules.text("address2"), rules.text("address3"), rules.text("zipCode"),
				rules.text("city"), rules.text("iso2Code"), rules.text("company"), rules.text("phone"));
	}

	private static List<GlueError> errorsFor(List<Violation> violations) {
		var errors = new ArrayList<GlueError>();
		for (var violation : violations) {
			errors.add(violation.messageKey().equals("country.invalid")
					? GlueError.validation(violation.field(), "This value is not a valid country.")
					: GlueError.validation(violation.field(), "This value is not valid."));
		}
		return errors.isEmpty() ? List.of(FAILED_TO_SAVE_ADDRESS) : errors;
	}

}
