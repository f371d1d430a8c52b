package io.clientele.address;

/** The customer has no address with this id (another customer's address included). */
public class AddressNotFound extends RuntimeException {

	public AddressNotFound() {
		super("Address not found", null, false, false);
	}

}
