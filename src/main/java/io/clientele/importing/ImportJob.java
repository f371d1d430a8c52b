package io.clientele.importing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import job as every node reads it from the database.
 *
 * @param id the job's random id, its page's address
 * @param kind what the file holds
 * @param fileName what the uploader called the file
 * @param plaintextPasswords whether a customer file's password column is read as clear
 * passwords
 * @param status where the job is
 * @param interruptedStage the running status an {@link ImportJobStatus#INTERRUPTED} job
 * had, which resuming returns to
 * @param rows the data rows the current (or last) run has done
 * @param bytesRead how much of the file it has read
 * @param totalBytes the file's size
 * @param check the dry run's report, once it is done
 * @param result the import's report, once it is done
 * @param refusal why the file was refused, in English (the importer's words)
 * @param attempts how many times the job's runs were started (resumed runs included)
 */
public record ImportJob(UUID id, ImportKind kind, String fileName, boolean plaintextPasswords, ImportJobStatus status,
		@Nullable ImportJobStatus interruptedStage, long rows, long bytesRead, long totalBytes,
		@Nullable ImportReport check, @Nullable ImportReport result, @Nullable String refusal, int attempts) {

	/** How much of the file the run has read, in percent; 100 once at rest. */
	public int percent() {
		if (!status.running()) {
			return 100;
		}
		return totalBytes <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / totalBytes);
	}

	/** The rows the import would write: every row but the failed ones. */
	public long importableRows() {
		return check == null ? 0 : check.rows() - check.failed();
	}

	/** Whether the uploader may resume the run (see ImportJobs#resume). */
	public boolean resumable() {
		return status == ImportJobStatus.INTERRUPTED;
	}

	/** Whether the interrupted run was the import, not the dry run. */
	public boolean interruptedWhileImporting() {
		return interruptedStage == ImportJobStatus.IMPORTING;
	}

}
