package io.clientele.orderhistory;

import java.util.List;

/** One page of a customer's orders, newest first, and how many there are in all. */
public record OrderPage(List<OrderSummary> orders, long total, int offset, int limit) {
}
