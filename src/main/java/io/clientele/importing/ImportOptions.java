package io.clientele.importing;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * @param dryRun check every row, against the file and the database, and write nothing
 * @param plaintextPasswords the {@code password} column holds clear passwords, hashed on
 * import (customer files only)
 * @param reportFile where the rows that failed are listed (CSV: line, column, reason);
 * none when null
 */
public record ImportOptions(boolean dryRun, boolean plaintextPasswords, @Nullable Path reportFile) {

	public static ImportOptions defaults() {
		return new ImportOptions(false, false, null);
	}

}
