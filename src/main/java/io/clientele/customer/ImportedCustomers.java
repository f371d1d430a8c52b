package io.clientele.customer;

import java.util.List;

/**
 * What a bulk import did with each customer, by line.
 *
 * @param saved the customers now in the database as the import describes them
 * @param rejected the customers the database refused, with the reason
 */
public record ImportedCustomers(List<Saved> saved, List<Rejected> rejected) {

	public ImportedCustomers {
		saved = List.copyOf(saved);
		rejected = List.copyOf(rejected);
	}

	public enum Change {

		CREATED, UPDATED, UNCHANGED

	}

	public record Saved(long line, CustomerId id, Change change) {
	}

	/**
	 * @param column the column at fault ({@code customer_reference} or {@code email})
	 * @param reason what is wrong, in English
	 */
	public record Rejected(long line, String column, String reason) {
	}

}
