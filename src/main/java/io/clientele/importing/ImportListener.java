package io.clientele.importing;

/** Follows an import while it runs (a progress bar, the back office's progress page). */
public interface ImportListener {

	ImportListener NONE = new ImportListener() {
	};

	/**
	 * After each batch.
	 * @param bytesRead how much of the file was read
	 * @param totalBytes the file's size
	 * @param rows the data rows done so far, good or bad
	 */
	default void progress(long bytesRead, long totalBytes, long rows) {
	}

	/** Each failed row, in the order the report lists them. */
	default void failed(RowError error) {
	}

}
