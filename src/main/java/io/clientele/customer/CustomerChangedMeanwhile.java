package io.clientele.customer;

/**
 * The customer was changed since the caller read it: nothing was stored, and
 * {@code current} is what is stored now.
 */
public class CustomerChangedMeanwhile extends RuntimeException {

	private final CustomerDetails current;

	public CustomerChangedMeanwhile(CustomerDetails current) {
		super("The customer was changed meanwhile");
		this.current = current;
	}

	public CustomerDetails current() {
		return current;
	}

}
