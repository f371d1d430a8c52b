package io.clientele.orderhistory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.clientele.customer.CustomerId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The orders of each customer, as the shop's checkout reported them. */
@Component
public class OrderHistory {

	private static final String COLUMNS = "order_reference, customer_id, currency, price_mode, state, subtotal,"
			+ " expense_total, discount_total, tax_total, grand_total, canceled_total, remuneration_total, items,"
			+ " billing_address, shipping_address, payment_method, shipment_method, ordered_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	OrderHistory(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores the order for the customer, or replaces it when the reference is known:
	 * sending the same order twice changes nothing. Returns whether the order was new.
	 */
	public boolean record(CustomerId customer, OrderData order) {
		var totals = order.totals();
		var inserted = jdbc.sql("""
				insert into orderhistory_order (id, order_reference, customer_id, currency, price_mode, state, subtotal,
				    expense_total, discount_total, tax_total, grand_total, canceled_total, remuneration_total, items,
				    billing_address, shipping_address, payment_method, shipment_method, ordered_at, updated_at)
				values (:id, :reference, :customer, :currency, :priceMode, :state, :subtotal, :expense, :discount, :tax,
				    :grand, :canceled, :remuneration, cast(:items as jsonb), cast(:billing as jsonb),
				    cast(:shipping as jsonb), :payment, :shipment, :orderedAt, :now)
				on conflict (order_reference) do update set customer_id = excluded.customer_id,
				    currency = excluded.currency, price_mode = excluded.price_mode, state = excluded.state,
				    subtotal = excluded.subtotal, expense_total = excluded.expense_total,
				    discount_total = excluded.discount_total, tax_total = excluded.tax_total,
				    grand_total = excluded.grand_total, canceled_total = excluded.canceled_total,
				    remuneration_total = excluded.remuneration_total, items = excluded.items,
				    billing_address = excluded.billing_address, shipping_address = excluded.shipping_address,
				    payment_method = excluded.payment_method, shipment_method = excluded.shipment_method,
				    ordered_at = excluded.ordered_at, updated_at = excluded.updated_at
				returning (xmax = 0) as inserted
				""")
			.param("id", UUID.randomUUID())
			.param("reference", order.orderReference())
			.param("customer", customer.value())
			.param("currency", order.currency())
			.param("priceMode", order.priceMode())
			.param("state", order.state())
			.param("subtotal", totals.subtotal())
			.param("expense", totals.expenseTotal())
			.param("discount", totals.discountTotal())
			.param("tax", totals.taxTotal())
			.param("grand", totals.grandTotal())
			.param("canceled", totals.canceledTotal())
			.param("remuneration", totals.remunerationTotal())
			.param("items", json.writeValueAsString(order.items()))
			.param("billing", order.billingAddress() == null ? null : json.writeValueAsString(order.billingAddress()))
			.param("shipping",
					order.shippingAddress() == null ? null : json.writeValueAsString(order.shippingAddress()))
			.param("payment", order.paymentMethod())
			.param("shipment", order.shipmentMethod())
			.param("orderedAt", Timestamp.from(order.orderedAt()))
			.param("now", Timestamp.from(clock.instant()))
			.query(Boolean.class)
			.single();
		return inserted;
	}

	/** A page of the customer's orders, newest first. */
	public OrderPage page(CustomerId customer, int offset, int limit) {
		return page(customer, "", offset, limit);
	}

	/**
	 * A page of the customer's orders whose reference contains the text (any case),
	 * newest first; a blank text finds all.
	 */
	public OrderPage page(CustomerId customer, String reference, int offset, int limit) {
		var pattern = "%" + reference.strip()
			.toLowerCase(java.util.Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%";
		var where = " from orderhistory_order where customer_id = ? and lower(order_reference) like ?";
		var orders = jdbc
			.sql("select " + COLUMNS + where + " order by ordered_at desc, order_reference desc offset ? limit ?")
			.params(customer.value(), pattern, offset, limit)
			.query(this::summary)
			.list();
		var total = jdbc.sql("select count(*)" + where).params(customer.value(), pattern).query(Long.class).single();
		return new OrderPage(orders, total, offset, limit);
	}

	/**
	 * The customer's order with this reference; another customer's order is not found.
	 */
	public Optional<OrderSummary> find(CustomerId customer, String orderReference) {
		return jdbc.sql("select " + COLUMNS + " from orderhistory_order where customer_id = ? and order_reference = ?")
			.params(customer.value(), orderReference)
			.query(this::summary)
			.optional();
	}

	private OrderSummary summary(ResultSet row, int rowNumber) throws SQLException {
		return new OrderSummary(row.getString("order_reference"),
				new CustomerId(row.getObject("customer_id", UUID.class)), row.getString("currency"),
				row.getString("price_mode"), row.getString("state"),
				new OrderData.Totals(row.getLong("subtotal"), row.getLong("expense_total"),
						row.getLong("discount_total"), row.getLong("tax_total"), row.getLong("grand_total"),
						row.getLong("canceled_total"), row.getLong("remuneration_total")),
				json.readValue(row.getString("items"), new TypeReference<List<Map<String, Object>>>() {
				}), map(row.getString("billing_address")), map(row.getString("shipping_address")),
				row.getString("payment_method"), row.getString("shipment_method"),
				row.getTimestamp("ordered_at").toInstant());
	}

	private @Nullable Map<String, Object> map(@Nullable String value) {
		return value == null ? null : json.readValue(value, new TypeReference<Map<String, Object>>() {
		});
	}

}
