package io.clientele.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clientele.customer.CustomerId;
import io.clientele.orderhistory.OrderHistory;
import io.clientele.orderhistory.OrderSummary;

/**
 * {@code /orders} and {@code /customers/{customerReference}/orders}, paged as Glue pages.
 */
@RestController
class ApiOrderController {

	static final GlueError ORDER_NOT_FOUND = new GlueError("801", 404, "Can't find order by the given order reference");

	static final GlueError ORDERS_UNAUTHORIZED = new GlueError("802", 403, "Unauthorized request.");

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 100;

	private final OrderHistory orders;

	ApiOrderController(OrderHistory orders) {
		this.orders = orders;
	}

	@GetMapping("/api/orders")
	ResponseEntity<Object> list(@RequestParam Map<String, String> query, @AuthenticationPrincipal ApiCustomer caller) {
		return page(caller.id(), query, "/orders");
	}

	@GetMapping("/api/customers/{reference}/orders")
	ResponseEntity<Object> customerOrders(@PathVariable String reference, @RequestParam Map<String, String> query,
			@AuthenticationPrincipal ApiCustomer caller) {
		if (!caller.reference().equals(reference)) {
			throw new GlueException(ORDERS_UNAUTHORIZED);
		}
		return page(caller.id(), query, "/customers/" + reference + "/orders");
	}

	/** Another customer's order answers as an unknown one: 404, code 801. */
	@GetMapping("/api/orders/{orderReference}")
	ResponseEntity<Object> read(@PathVariable String orderReference, @AuthenticationPrincipal ApiCustomer caller) {
		var order = orders.find(caller.id(), orderReference).orElseThrow(() -> new GlueException(ORDER_NOT_FOUND));
		return JsonApi.single(HttpStatus.OK, resource(order, true));
	}

	private ResponseEntity<Object> page(CustomerId customer, Map<String, String> query, String path) {
		var offset = Math.max(0, number(query.get("page[offset]"), 0));
		var limit = Math.min(MAX_LIMIT, Math.max(1, number(query.get("page[limit]"), DEFAULT_LIMIT)));
		var page = orders.page(customer, offset, limit);
		var document = new LinkedHashMap<String, Object>();
		document.put("data", page.orders().stream().map(order -> resource(order, false)).toList());
		var links = new LinkedHashMap<String, Object>();
		links.put("self", pageLink(path, offset, limit));
		var last = page.total() == 0 ? 0 : ((page.total() - 1) / limit) * limit;
		links.put("first", pageLink(path, 0, limit));
		links.put("last", pageLink(path, last, limit));
		if (offset > 0) {
			links.put("prev", pageLink(path, Math.max(0, offset - limit), limit));
		}
		if (offset + limit < page.total()) {
			links.put("next", pageLink(path, offset + limit, limit));
		}
		document.put("links", links);
		return ResponseEntity.ok().contentType(JsonApi.MEDIA_TYPE).body(document);
	}

	static Map<String, Object> resource(OrderSummary order, boolean detail) {
		var attributes = JsonApi.attributes();
		attributes.put("merchantReferences", List.of());
		attributes.put("itemStates", order.itemStates());
		attributes.put("createdAt", JsonApi.timestamp(order.orderedAt()));
		attributes.put("currencyIsoCode", order.currency());
		attributes.put("priceMode", order.priceMode());
		var totals = new LinkedHashMap<String, Object>();
		totals.put("expenseTotal", order.totals().expenseTotal());
		totals.put("discountTotal", order.totals().discountTotal());
		totals.put("taxTotal", order.totals().taxTotal());
		totals.put("subtotal", order.totals().subtotal());
		totals.put("grandTotal", order.totals().grandTotal());
		totals.put("canceledTotal", order.totals().canceledTotal());
		totals.put("remunerationTotal", order.totals().remunerationTotal());
		attributes.put("totals", totals);
		if (detail) {
			attributes.put("billingAddress", order.billingAddress());
			attributes.put("shippingAddress", order.shippingAddress());
			attributes.put("items", order.items());
			attributes.put("expenses", List.of());
			var payment = new LinkedHashMap<String, Object>();
			payment.put("amount", order.totals().grandTotal());
			payment.put("paymentProvider", null);
			payment.put("paymentMethod", order.paymentMethod());
			attributes.put("payments", order.paymentMethod() == null ? List.of() : List.of(payment));
			attributes.put("shipments", order.shipmentMethod() == null ? List.of()
					: List.of(Map.of("shipmentMethodName", order.shipmentMethod())));
			attributes.put("calculatedDiscounts", List.of());
		}
		return JsonApi.resource("orders", order.orderReference(), attributes, "/orders/" + order.orderReference());
	}

	private static String pageLink(String path, long offset, int limit) {
		return JsonApi.link(path) + "?page[offset]=" + offset + "&page[limit]=" + limit;
	}

	private static int number(String value, int fallback) {
		try {
			return value == null ? fallback : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
