package io.clientele.orderhistory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An order as the checkout reports it; amounts in cents.
 *
 * @param items each with {@code sku}, {@code name}, {@code quantity}, {@code unitPrice},
 * {@code sumPrice} and {@code state}
 */
public record OrderData(String orderReference, String currency, String priceMode, String state, Totals totals,
		List<Map<String, Object>> items, @Nullable Map<String, Object> billingAddress,
		@Nullable Map<String, Object> shippingAddress, @Nullable String paymentMethod, @Nullable String shipmentMethod,
		Instant orderedAt) {

	/** Spryker's order totals, in cents. */
	public record Totals(long subtotal, long expenseTotal, long discountTotal, long taxTotal, long grandTotal,
			long canceledTotal, long remunerationTotal) {
	}

}
