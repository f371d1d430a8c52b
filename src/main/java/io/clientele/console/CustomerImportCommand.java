package io.clientele.console;

import java.nio.file.Path;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.clientele.audit.AuditActor;
import io.clientele.importing.CustomerImport;
import io.clientele.importing.ImportListener;
import io.clientele.importing.ImportOptions;
import io.clientele.importing.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
class CustomerImportCommand extends CsvImportCommand {

	private final CustomerImport customerImport;

	@Option(names = "--plaintext-passwords",
			description = "the password column holds clear passwords, hashed with argon2id on import")
	boolean plaintextPasswords;

	CustomerImportCommand(CustomerImport customerImport) {
		this.customerImport = customerImport;
	}

	@Override
	String what() {
		return "customers";
	}

	@Override
	ImportOptions options(Path reportFile) {
		return new ImportOptions(dryRun, plaintextPasswords, reportFile);
	}

	@Override
	ImportReport importFile(Path file, ImportOptions options, ImportListener listener, AuditActor actor) {
		return customerImport.importCustomers(file, options, listener, actor);
	}

}
