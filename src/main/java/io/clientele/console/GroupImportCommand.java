package io.clientele.console;

import java.nio.file.Path;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.clientele.audit.AuditActor;
import io.clientele.importing.GroupImport;
import io.clientele.importing.ImportListener;
import io.clientele.importing.ImportOptions;
import io.clientele.importing.ImportReport;
import picocli.CommandLine.Command;

/** {@code customer:import-groups FILE}: customer groups and their members. */
@Component
@Profile("console")
@Command(name = "customer:import-groups", mixinStandardHelpOptions = true,
		description = {
				"Creates or updates customer groups and adds members (header group_name,description,"
						+ "customer_references; the references separated by spaces).",
				"A group is found by its name in any case; the file is the truth for its description. Members are "
						+ "added, never removed; a row naming an unknown customer is not imported at all. Running a "
						+ "file again changes nothing.",
				"Exit code: 0 every row imported, 1 some rows failed (the good ones were imported), "
						+ "2 the file was refused (nothing imported)." })
class GroupImportCommand extends CsvImportCommand {

	private final GroupImport groupImport;

	GroupImportCommand(GroupImport groupImport) {
		this.groupImport = groupImport;
	}

	@Override
	String what() {
		return "groups";
	}

	@Override
	ImportReport importFile(Path file, ImportOptions options, ImportListener listener, AuditActor actor) {
		return groupImport.importGroups(file, options, listener, actor);
	}

}
