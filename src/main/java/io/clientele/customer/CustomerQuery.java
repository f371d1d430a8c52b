package io.clientele.customer;

import java.time.LocalDate;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * What the back office's customer list asks for: a text found anywhere in the reference,
 * address, names or company (any case, part of a word), filters, an order and a page.
 *
 * @param text the search text; blank finds all
 * @param registered whether the account has a login; null for both
 * @param state confirmed, unconfirmed, blocked or deleted; null for all open accounts
 * @param among only these customers (a group's members, the locked accounts); null for
 * all
 * @param createdFrom the first day of creation, in the clock's zone; null for any
 * @param createdTo the last day of creation, in the clock's zone; null for any
 */
public record CustomerQuery(String text, @Nullable Boolean registered, @Nullable State state,
		@Nullable Collection<CustomerId> among, @Nullable LocalDate createdFrom, @Nullable LocalDate createdTo,
		Order order, boolean descending, int offset, int limit) {

	/** The account states kept with the account itself. */
	public enum State {

		CONFIRMED("blocked_at is null and confirmed_at is not null"),

		UNCONFIRMED("blocked_at is null and confirmed_at is null"),

		BLOCKED("blocked_at is not null"),

		/** Closed accounts: only their references and orders are left. */
		DELETED("anonymized_at is not null");

		final String condition;

		State(String condition) {
			this.condition = condition;
		}

	}

	/** The orders the list offers; each is backed by an index (V17). */
	public enum Order {

		REFERENCE("customer_reference"),

		COMPANY("lower(coalesce(company, ''))"),

		LAST_NAME("lower(last_name)"),

		FIRST_NAME("lower(first_name)"),

		EMAIL("lower(email)"),

		CREATED("created_at"),

		REGISTERED("(registered_at is not null) %1$s, created_at"),

		STATUS("(case when blocked_at is not null then 0 when confirmed_at is null then 1 else 2 end) %1$s,"
				+ " created_at");

		final String expression;

		Order(String expression) {
			this.expression = expression;
		}

		String orderBy(boolean descending) {
			var direction = descending ? "desc" : "asc";
			return expression.formatted(direction) + " " + direction + ", id " + direction;
		}

	}

	/** Everybody, newest first. */
	public static CustomerQuery all(int offset, int limit) {
		return new CustomerQuery("", null, null, null, null, null, Order.CREATED, true, offset, limit);
	}

	/** A text search, newest first. */
	public static CustomerQuery text(String text, int offset, int limit) {
		return new CustomerQuery(text, null, null, null, null, null, Order.CREATED, true, offset, limit);
	}

}
