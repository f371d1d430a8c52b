package io.clientele.console;

import java.io.PrintWriter;
import java.util.Locale;

import io.clientele.importing.ImportReport;

/** The summary and the first row errors, shared by the import commands. */
final class ImportSummary {

	private static final int SHOWN = 20;

	private ImportSummary() {
	}

	static void print(ImportReport report, String what, PrintWriter out, PrintWriter err) {
		for (var error : report.firstErrors().subList(0, Math.min(SHOWN, report.firstErrors().size()))) {
			err.println("line " + error.line() + ", " + error.column() + ": " + error.reason());
		}
		if (report.firstErrors().size() > SHOWN) {
			err.println("… and more; every failed row is in " + report.reportFile());
		}
		else if (report.failed() > 0 && report.reportFile() != null) {
			err.println("The failed rows are listed in " + report.reportFile());
		}
		out.println(String.format(Locale.ROOT,
				"%s%,d %s: %,d %s created, %,d updated, %,d unchanged, %,d failed (%.1f s, %,.0f rows/s)%s",
				report.dryRun() ? "Dry run, nothing written. " : "", report.rows(), report.rows() == 1 ? "row" : "rows",
				report.created(), what, report.updated(), report.unchanged(), report.failed(),
				report.took().toMillis() / 1000.0, report.rowsPerSecond(),
				report.complete() ? "" : "; the file was not read to its end"));
	}

}
