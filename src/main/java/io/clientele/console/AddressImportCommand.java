package io.clientele.console;

import java.nio.file.Path;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.clientele.audit.AuditActor;
import io.clientele.importing.AddressImport;
import io.clientele.importing.ImportListener;
import io.clientele.importing.ImportOptions;
import io.clientele.importing.ImportReport;
import picocli.CommandLine.Command;

/** {@code customer:import-addresses FILE}: customers' addresses in Spryker's fields. */
@Component
@Profile("console")
@Command(name = "customer:import-addresses", mixinStandardHelpOptions = true,
		description = {
				"Adds addresses to customers (header customer_reference,salutation,first_name,last_name,company,"
						+ "address1,address2,address3,zip_code,city,iso2_code,phone,is_default_billing,"
						+ "is_default_shipping).",
				"An address the customer already has is not added again; is_default_billing/_shipping "
						+ "(1/0, true/false, yes/no, empty = no) make it the default. Running a file again changes "
						+ "nothing.",
				"Exit code: 0 every row imported, 1 some rows failed (the good ones were imported), "
						+ "2 the file was refused (nothing imported)." })
class AddressImportCommand extends CsvImportCommand {

	private final AddressImport addressImport;

	AddressImportCommand(AddressImport addressImport) {
		this.addressImport = addressImport;
	}

	@Override
	String what() {
		return "addresses";
	}

	@Override
	ImportReport importFile(Path file, ImportOptions options, ImportListener listener, AuditActor actor) {
		return addressImport.importAddresses(file, options, listener, actor);
	}

}
