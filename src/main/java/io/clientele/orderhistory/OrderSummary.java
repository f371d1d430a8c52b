package io.clientele.orderhistory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.clientele.customer.CustomerId;

/** An order of a customer's history, with everything the checkout reported. */
public record OrderSummary(String orderReference, CustomerId customer, String currency, String priceMode, String state,
		OrderData.Totals totals, List<Map<String, Object>> items, @Nullable Map<String, Object> billingAddress,
		@Nullable Map<String, Object> shippingAddress, @Nullable String paymentMethod, @Nullable String shipmentMethod,
		Instant orderedAt) {

	/** How many pieces the order holds (the items' quantities added up). */
	public long itemCount() {
		return items.stream()
			.mapToLong(item -> item.get("quantity") instanceof Number quantity ? quantity.longValue() : 1)
			.sum();
	}

	/** The distinct states of the items, in order of first appearance. */
	public List<String> itemStates() {
		return items.stream().map(item -> String.valueOf(item.getOrDefault("state", state))).distinct().toList();
	}

}
