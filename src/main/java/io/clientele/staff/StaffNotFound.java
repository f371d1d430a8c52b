package io.clientele.staff;

import java.util.UUID;

/** No staff account has this id. */
public class StaffNotFound extends RuntimeException {

	public StaffNotFound(UUID staffId) {
		super("No staff account " + staffId);
	}

}
