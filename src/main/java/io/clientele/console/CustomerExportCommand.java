package io.clientele.console;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.clientele.audit.AuditActor;
import io.clientele.importing.CustomerImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code customer:export FILE}: every open account as Spryker's customer.csv. */
@Component
@Profile("console")
@Command(name = "customer:export", mixinStandardHelpOptions = true,
		description = { "Writes every customer (deleted accounts excepted) as customer.csv, in the columns "
				+ "customer:import reads; the password column stays empty unless --with-password-hashes." })
class CustomerExportCommand implements ConsoleCommand {

	private final CustomerImport customerImport;

	@Spec
	@SuppressWarnings("NullAway.Init")
	CommandSpec spec;

	@Parameters(paramLabel = "FILE", description = "the CSV file to write; it must not exist yet")
	@SuppressWarnings("NullAway.Init")
	Path file;

	@Option(names = "--with-password-hashes",
			description = "include the password hashes (the file is then readable by its owner only)")
	boolean withPasswordHashes;

	CustomerExportCommand(CustomerImport customerImport) {
		this.customerImport = customerImport;
	}

	@Override
	public Integer call() throws IOException {
		var started = System.nanoTime();
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (FileAlreadyExistsException ex) {
			spec.commandLine().getErr().println(file + " exists already; choose a new file name.");
			return ConsoleRunner.USAGE;
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
		}
		long count;
		try (var out = new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING),
				StandardCharsets.UTF_8)) {
			count = customerImport.exportCustomers(out, withPasswordHashes, AuditActor.console());
		}
		spec.commandLine()
			.getOut()
			.println(String.format(Locale.ROOT, "%,d customers written to %s%s (%.1f s)", count, file,
					withPasswordHashes ? " with their password hashes" : "", (System.nanoTime() - started) / 1e9));
		return 0;
	}

}
