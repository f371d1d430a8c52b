package io.clientele.customer;

/** No customer has the given id or reference. */
public class CustomerNotFound extends RuntimeException {

	public CustomerNotFound(CustomerId id) {
		super("No customer " + id);
	}

}
