package io.clientele.console;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.clientele.importing.CustomerImport;
import io.clientele.importing.ImportOptions;
import io.clientele.importing.ImportRefused;
import io.clientele.importing.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code customer:import FILE}: Spryker's customer.csv into Clientele. */
@Component
@Profile("console")
@Command(name = "customer:import", mixinStandardHelpOptions = true,
		description = {
				"Imports customers from Spryker's customer.csv (header customer_reference,locale_name,phone,"
						+ "email,salutation,first_name,last_name,company,gender,date_of_birth,password,registered).",
				"Creates or updates by customer_reference, else by email; password hashes (bcrypt, argon2, PBKDF2) "
						+ "are kept and upgraded at the first login. Running a file again changes nothing.",
				"Exit code: 0 every row imported, 1 some rows failed (the good ones were imported), "
						+ "2 the file was refused (nothing imported)." })
class CustomerImportCommand implements ConsoleCommand {

	private final CustomerImport customerImport;

	@Spec
	@SuppressWarnings("NullAway.Init")
	CommandSpec spec;

	@Parameters(paramLabel = "FILE", description = "the CSV file (UTF-8, with or without BOM)")
	@SuppressWarnings("NullAway.Init")
	Path file;

	@Option(names = "--dry-run", description = "check every row, against the file and the database; write nothing")
	boolean dryRun;

	@Option(names = "--plaintext-passwords",
			description = "the password column holds clear passwords, hashed with argon2id on import")
	boolean plaintextPasswords;

	@Option(names = "--report", paramLabel = "REPORT",
			description = "where to list the rows that failed (default: FILE.errors.csv)")
	@Nullable Path report;

	CustomerImportCommand(CustomerImport customerImport) {
		this.customerImport = customerImport;
	}

	@Override
	public Integer call() {
		var out = spec.commandLine().getOut();
		var reportFile = report != null ? report : file.resolveSibling(file.getFileName() + ".errors.csv");
		var progress = ProgressBar.onTerminal(out, "rows");
		ImportReport result;
		try {
			result = customerImport.importCustomers(file, new ImportOptions(dryRun, plaintextPasswords, reportFile),
					progress);
		}
		catch (ImportRefused refused) {
			progress.done();
			spec.commandLine().getErr().println("Nothing imported: " + refused.getMessage());
			return ConsoleRunner.USAGE;
		}
		progress.done();
		ImportSummary.print(result, "customers", out, spec.commandLine().getErr());
		return result.succeeded() ? 0 : 1;
	}

}
