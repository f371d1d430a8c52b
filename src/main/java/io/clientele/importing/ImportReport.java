package io.clientele.importing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did.
 *
 * @param rows the data rows read
 * @param created rows that became new records
 * @param updated rows that changed a record
 * @param unchanged rows whose record was already as described
 * @param failed rows not imported (see the report file)
 * @param dryRun whether nothing was written
 * @param complete false when a broken row stopped the reading (an unclosed quote, an
 * overlong field); the rows after it were not read
 * @param firstErrors the first failed rows (at most {@link #SHOWN_ERRORS})
 * @param reportFile where every failed row is listed, when there are any
 * @param took how long it took
 */
public record ImportReport(long rows, long created, long updated, long unchanged, long failed, boolean dryRun,
		boolean complete, List<RowError> firstErrors, @Nullable Path reportFile, Duration took) {

	public static final int SHOWN_ERRORS = 100;

	public ImportReport {
		firstErrors = List.copyOf(firstErrors);
	}

	/** Whether every row of the file was imported (or, in a dry run, would be). */
	public boolean succeeded() {
		return failed == 0 && complete;
	}

	public double rowsPerSecond() {
		var seconds = took.toNanos() / 1e9;
		return seconds <= 0 ? rows : rows / seconds;
	}

}
