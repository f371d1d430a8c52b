package io.clientele.importing;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * @param dryRun check every row, against the file and the database, and write nothing
 * @param plaintextPasswords the {@code password} column holds clear passwords, hashed on
 * import (customer files only)
 * @param reportFile where the rows that failed are listed (CSV: line, column, reason);
 * none when null
 * @param fileName how the audit trail names the file (what the uploader called it); when
 * null, the file's own name
 */
public record ImportOptions(boolean dryRun, boolean plaintextPasswords, @Nullable Path reportFile,
		@Nullable String fileName) {

	public ImportOptions(boolean dryRun, boolean plaintextPasswords, @Nullable Path reportFile) {
		this(dryRun, plaintextPasswords, reportFile, null);
	}

	public static ImportOptions defaults() {
		return new ImportOptions(false, false, null);
	}

	/** How the audit trail names the file. */
	String fileNameOf(Path file) {
		if (fileName != null) {
			return fileName;
		}
		var name = file.getFileName();
		return name == null ? file.toString() : name.toString();
	}

}
