package io.clientele.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.clientele.audit.AuditActor;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.groups.CustomerGroup;
import io.clientele.groups.CustomerGroups;
import io.clientele.support.Shoppers;

/**
 * Customer groups from a CSV file: groups created or updated by name, members added and
 * never removed, a row with an unknown customer not imported at all, a second run
 * changing nothing.
 */
@SpringBootTest
class GroupImportIntegrationTests {

	static final String HEADER = "group_name,description,customer_references";

	@Autowired
	GroupImport groupImport;

	@Autowired
	CustomerGroups groups;

	@Autowired
	CustomerManagement customers;

	@TempDir
	Path dir;

	// group names are unique in the shared database
	final String prefix = "G" + UUID.randomUUID().toString().substring(0, 8);

	String name(String name) {
		return prefix + " " + name;
	}

	CustomerDetails customer() {
		return customers.register(RegisterCustomer.fromStorefront("Ms", "Ann", "Lee", Shoppers.uniqueEmail(), "en_US"));
	}

	static String references(CustomerDetails... members) {
		return String.join(" ", java.util.Arrays.stream(members).map(member -> member.reference().value()).toList());
	}

	Path file(String... lines) throws IOException {
		var file = Files.createTempFile(dir, "groups", ".csv");
		Files.writeString(file, String.join("\n", lines) + "\n");
		return file;
	}

	ImportReport importFile(Path file) {
		return groupImport.importGroups(file, new ImportOptions(false, false, dir.resolve("errors.csv")),
				ImportListener.NONE, AuditActor.console());
	}

	CustomerGroup group(String name) {
		return groups.all().stream().filter(group -> group.name().equalsIgnoreCase(name)).findFirst().orElseThrow();
	}

	boolean exists(String name) {
		return groups.all().stream().anyMatch(group -> group.name().equalsIgnoreCase(name));
	}

	@Test
	void eachRowCreatesAGroupWithItsDescriptionAndMembers() throws IOException {
		var ann = customer();
		var bob = customer();

		var report = importFile(file(HEADER,
				name("Wholesale") + ",Resellers with net prices,\"" + references(ann, bob) + "\"",
				name("Newsletter") + ",,", "\"" + name("Staff, family") + "\",\"  Ours  \"," + references(bob)));

		assertThat(report.succeeded()).isTrue();
		assertThat(report.created()).isEqualTo(3);
		var wholesale = group(name("Wholesale"));
		assertThat(wholesale.description()).isEqualTo("Resellers with net prices");
		assertThat(groups.members(wholesale.id())).containsExactlyInAnyOrder(ann.id(), bob.id());
		assertThat(group(name("Newsletter"))).extracting(CustomerGroup::description, CustomerGroup::members)
			.as("no description, no members")
			.containsExactly(null, 0L);
		assertThat(group(name("Staff, family")).description()).isEqualTo("Ours");
	}

	@Test
	void runningTheSameFileTwiceChangesNothing() throws IOException {
		var ann = customer();
		var file = file(HEADER, name("Wholesale") + ",Resellers," + references(ann), name("Newsletter") + ",,");
		importFile(file);

		var second = importFile(file);

		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(group(name("Wholesale")).members()).isOne();
	}

	@Test
	void aGroupIsFoundByItsNameInAnyCaseKeepsItsNameAndTakesTheDescriptionOfTheFile() throws IOException {
		var existing = groups.create(name("VIP"), "Our best customers");

		var report = importFile(file(HEADER, name("vip").toUpperCase() + ",,"));

		assertThat(report.updated()).isOne();
		assertThat(groups.find(existing.id())).hasValueSatisfying(group -> {
			assertThat(group.name()).isEqualTo(name("VIP"));
			assertThat(group.description()).as("the file is the truth: empty is none").isNull();
		});
	}

	@Test
	void membersAreAddedAndNeverRemovedAndAnAlreadyMemberIsUnchanged() throws IOException {
		var ann = customer();
		var bob = customer();
		var vip = groups.create(name("VIP"), "Best");
		groups.assign(vip.id(), ann.id(), AuditActor.console());

		var added = importFile(file(HEADER, name("VIP") + ",Best," + references(bob)));
		var again = importFile(file(HEADER, name("VIP") + ",Best," + references(ann)));

		assertThat(added.updated()).isOne();
		assertThat(again.unchanged()).isOne();
		assertThat(groups.members(vip.id())).containsExactlyInAnyOrder(ann.id(), bob.id());
	}

	@Test
	void aReferenceListedTwiceInARowIsOneMembership() throws IOException {
		var ann = customer();

		var report = importFile(
				file(HEADER, name("Twice") + ",,\"" + references(ann, ann) + "  \t" + ann.reference().value() + "\""));

		assertThat(report.succeeded()).isTrue();
		assertThat(groups.members(group(name("Twice")).id())).containsExactly(ann.id());
	}

	@Test
	void aRowNamingAnUnknownOrDeletedCustomerIsNotImportedAtAll() throws IOException {
		var ann = customer();
		var gone = customer();
		customers.anonymize(gone.id());
		var vip = groups.create(name("VIP"), "Best");
		var unknown = new StringBuilder();
		for (var n = 1; n <= 7; n++) {
			unknown.append(" NOBODY--").append(n);
		}

		var report = importFile(file(HEADER, name("New") + ",Fresh,\"" + references(ann) + unknown + "\"",
				name("VIP") + ",Changed,\"" + references(ann, gone) + "\""));

		assertThat(report.failed()).isEqualTo(2);
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column, RowError::reason)
			.containsExactly(
					tuple(2L, "customer_references",
							"NOBODY--1, NOBODY--2, NOBODY--3, NOBODY--4, NOBODY--5 and 2 more are not customers"
									+ " (7 of 8 references); nothing of this row was imported"),
					tuple(3L, "customer_references",
							gone.reference().value() + " belongs to a deleted (anonymised) account (1 of 2 references);"
									+ " nothing of this row was imported"));
		assertThat(exists(name("New"))).isFalse();
		assertThat(groups.find(vip.id())).hasValueSatisfying(group -> {
			assertThat(group.description()).isEqualTo("Best");
			assertThat(group.members()).isZero();
		});
	}

	@Test
	void everyKindOfBadRowIsReportedWithItsLineAndColumnAndTheGoodRowsAreImported() throws IOException {
		var ann = customer();
		var longest = name("L") + "x".repeat(70 - name("L").length());
		var file = file(HEADER, longest + "," + "d".repeat(255) + "," + references(ann), // line
																							// 2:
																							// good
				",No name,", // 3
				longest + "y,,", // 4 name over 70 characters
				name("Long") + "," + "d".repeat(256) + ",", // 5 description over 255
				longest.toUpperCase() + ",,", // 6 the name of line 2 again
				name("Refs") + ",,\"DE--X " + ann.reference().value() + "\"", // 7
				name("More refs") + ",,\"a b c d e f\"", // 8
				name("Columns") + ",", // 9 too few columns
				name("Good") + ",,"); // 10 good

		var report = importFile(file);

		assertThat(report.created()).isEqualTo(2);
		assertThat(report.failed()).isEqualTo(7);
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column, RowError::reason)
			.containsExactly(tuple(3L, "group_name", "is empty"),
					tuple(4L, "group_name", "is longer than 70 characters"),
					tuple(5L, "description", "is longer than 255 characters"),
					tuple(6L, "group_name", "is already in line 2"),
					tuple(7L, "customer_references",
							"\"DE--X\" is not a customer reference: it must end with a number, such as DE--21"),
					tuple(8L, "customer_references",
							"\"a\", \"b\", \"c\", \"d\", \"e\" and 1 more are not customer references:"
									+ " a reference ends with a number, such as DE--21"),
					tuple(9L, RowError.WHOLE_ROW, "has 2 columns, expected 3"));
		assertThat(group(longest).members()).isOne();
		assertThat(exists(name("Refs"))).isFalse();
		assertThat(exists(name("Good"))).isTrue();
	}

	@Test
	void aDryRunChecksEveryRowAgainstTheDatabaseAndWritesNothing() throws IOException {
		var ann = customer();

		var report = groupImport.importGroups(
				file(HEADER, name("Dry") + ",," + references(ann), name("Dry unknown") + ",,NOBODY--1"),
				new ImportOptions(true, false, dir.resolve("dry.csv")), ImportListener.NONE, AuditActor.console());

		assertThat(report.dryRun()).isTrue();
		assertThat(report.created()).isOne();
		assertThat(report.failed()).isOne();
		assertThat(exists(name("Dry"))).isFalse();
	}

	@Test
	void aFileWithAnotherHeaderIsRefusedBeforeAnythingIsWritten() throws IOException {
		var good = name("Refused") + ",,";

		assertThatExceptionOfType(ImportRefused.class)
			.isThrownBy(() -> importFile(file("group_name,description,members", good)))
			.withMessageContaining("Missing: customer_references. Unknown: members.");
		assertThatExceptionOfType(ImportRefused.class)
			.isThrownBy(() -> importFile(file("description,group_name,customer_references", good)))
			.withMessageContaining("another order");
		assertThat(exists(name("Refused"))).isFalse();
	}

}
