package io.clientele.importing;

/**
 * Where an import job is. {@link #CHECKING} and {@link #IMPORTING} are running (at most
 * one job of the installation is); the others are at rest.
 */
public enum ImportJobStatus {

	/** The dry run reads the file; nothing is written. */
	CHECKING,
	/** The dry run's report is there; the uploader may start the import. */
	CHECKED,
	/** The file cannot be imported at all (its header, its encoding). */
	REFUSED,
	/** The import writes the good rows. */
	IMPORTING,
	/** The import's report is there. */
	IMPORTED,
	/** The run stopped because of an unexpected error. */
	FAILED,
	/**
	 * The node running the dry run or the import stopped (it died or was shut down); the
	 * uploader may resume the run.
	 */
	INTERRUPTED;

	public boolean running() {
		return this == CHECKING || this == IMPORTING;
	}

}
