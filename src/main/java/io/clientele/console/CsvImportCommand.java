package io.clientele.console;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import io.clientele.audit.AuditActor;
import io.clientele.importing.ImportListener;
import io.clientele.importing.ImportOptions;
import io.clientele.importing.ImportRefused;
import io.clientele.importing.ImportReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * An import of a CSV file as {@code customer:import} runs it: the same options, progress
 * bar, summary line, first row errors and exit codes (0 every row imported, 1 some rows
 * failed, 2 the file was refused).
 */
abstract class CsvImportCommand implements ConsoleCommand {

	@Spec
	@SuppressWarnings("NullAway.Init")
	CommandSpec spec;

	@Parameters(paramLabel = "FILE", description = "the CSV file (UTF-8, with or without BOM)")
	@SuppressWarnings("NullAway.Init")
	Path file;

	@Option(names = "--dry-run", description = "check every row, against the file and the database; write nothing")
	boolean dryRun;

	@Option(names = "--report", paramLabel = "REPORT",
			description = "where to list the rows that failed (default: FILE.errors.csv)")
	@Nullable Path report;

	/** What a created record is called in the summary line ("addresses"). */
	abstract String what();

	/**
	 * @param actor the console, as the audit trail names the import
	 * @throws ImportRefused when the file cannot be imported at all
	 */
	abstract ImportReport importFile(Path file, ImportOptions options, ImportListener listener, AuditActor actor);

	ImportOptions options(Path reportFile) {
		return new ImportOptions(dryRun, false, reportFile);
	}

	@Override
	public Integer call() {
		var out = spec.commandLine().getOut();
		var reportFile = report != null ? report : file.resolveSibling(file.getFileName() + ".errors.csv");
		var progress = ProgressBar.onTerminal(out, "rows");
		ImportReport result;
		try {
			result = importFile(file, options(reportFile), progress, AuditActor.console());
		}
		catch (ImportRefused refused) {
			progress.done();
			spec.commandLine().getErr().println("Nothing imported: " + refused.getMessage());
			return ConsoleRunner.USAGE;
		}
		progress.done();
		ImportSummary.print(result, what(), out, spec.commandLine().getErr());
		return result.succeeded() ? 0 : 1;
	}

}
