package io.clientele.importing;

/**
 * The file cannot be imported at all (missing, unreadable, wrong header or delimiter);
 * nothing was written.
 */
public class ImportRefused extends RuntimeException {

	ImportRefused(String message) {
		super(message);
	}

}
