package io.clientele.importing;

import static io.clientele.importing.ConsoleImportIntegrationTests.onTestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.clientele.ClienteleApplication;

/**
 * {@code customer:import-addresses FILE} and {@code customer:import-groups FILE} as
 * operators run them: exit codes, the summary line, the first row errors, the report
 * file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleAddressAndGroupImportIntegrationTests {

	@TempDir
	Path dir;

	final String prefix = "A" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	@BeforeEach
	void twoCustomers() throws IOException {
		var customers = dir.resolve("customer.csv");
		Files.writeString(customers,
				CustomerImportIntegrationTests.HEADER + "\n" + prefix + "--1,en_US,," + prefix.toLowerCase()
						+ ".1@example.com,Ms,Ann,Lee,,,,,\n" + prefix + "--2,en_US,," + prefix.toLowerCase()
						+ ".2@example.com,Mr,Bob,Lee,,,,,\n");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import", customers.toString()))).isZero();
	}

	@Test
	void importAddressesExitsWithZeroOneOrTwoAndSaysWhatHappened(CapturedOutput output) throws IOException {
		var good = dir.resolve("addresses.csv");
		Files.writeString(good,
				AddressImportIntegrationTests.HEADER + "\n" + prefix
						+ "--1,Ms,Ann,Lee,,Hauptstraße,1,,10115,Berlin,DE,,1,1\n" + prefix
						+ "--2,Mr,Bob,Lee,,Hauptstraße,2,,10115,Berlin,DE,,,\n");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import-addresses", good.toString())))
			.isZero();
		assertThat(output.getOut()).contains("2 rows: 2 addresses created, 0 updated, 0 unchanged, 0 failed");
		assertThat(ClienteleApplication
			.runCommand(onTestDatabase("customer:import-addresses", good.toString(), "--dry-run"))).isZero();
		assertThat(output.getOut())
			.contains("Dry run, nothing written. 2 rows: 0 addresses created, 0 updated, 2 unchanged, 0 failed");

		var bad = dir.resolve("bad.csv");
		var report = dir.resolve("report.csv");
		Files.writeString(bad,
				AddressImportIntegrationTests.HEADER + "\n" + prefix
						+ "--1,Ms,Ann,Lee,,Nebenstraße,1,,10115,Berlin,DE,,maybe,\n" + prefix
						+ "--9,Ms,Ann,Lee,,Nebenstraße,1,,10115,Berlin,DE,,,\n");
		assertThat(ClienteleApplication
			.runCommand(onTestDatabase("customer:import-addresses", bad.toString(), "--report=" + report))).isOne();
		assertThat(output.getErr())
			.contains("line 2, is_default_billing: \"maybe\" is not 1, 0, true, false, yes or no")
			.contains("line 3, customer_reference: no customer has the reference " + prefix + "--9")
			.contains("The failed rows are listed in " + report);
		assertThat(Files.readAllLines(report)).hasSize(3).first().isEqualTo("line,column,reason");

		var refused = dir.resolve("customer.csv");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import-addresses", refused.toString())))
			.isEqualTo(2);
		assertThat(output.getErr()).contains("Nothing imported: The header is not the expected one.");
		assertThat(output.getAll()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void importGroupsExitsWithZeroOneOrTwoAndSaysWhatHappened(CapturedOutput output) throws IOException {
		var good = dir.resolve("groups.csv");
		Files.writeString(good, GroupImportIntegrationTests.HEADER + "\n" + prefix + " Wholesale,Resellers,\"" + prefix
				+ "--1 " + prefix + "--2\"\n" + prefix + " Newsletter,,\n");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import-groups", good.toString()))).isZero();
		assertThat(output.getOut()).contains("2 rows: 2 groups created, 0 updated, 0 unchanged, 0 failed");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import-groups", good.toString()))).isZero();
		assertThat(output.getOut()).contains("2 rows: 0 groups created, 0 updated, 2 unchanged, 0 failed");

		var bad = dir.resolve("bad.csv");
		Files.writeString(bad, GroupImportIntegrationTests.HEADER + "\n" + prefix + " Retail,,\"" + prefix + "--1 "
				+ prefix + "--9\"\n");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import-groups", bad.toString()))).isOne();
		assertThat(output.getErr()).contains("line 2, customer_references: " + prefix + "--9 is not a customer");
		assertThat(Files.readString(dir.resolve("bad.csv.errors.csv"))).contains("2,customer_references,");

		var refused = dir.resolve("customer.csv");
		assertThat(ClienteleApplication.runCommand(onTestDatabase("customer:import-groups", refused.toString())))
			.isEqualTo(2);
		assertThat(output.getErr()).contains("Nothing imported: The header is not the expected one.");
		assertThat(output.getAll()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
