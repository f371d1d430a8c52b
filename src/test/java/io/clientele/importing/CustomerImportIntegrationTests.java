package io.clientele.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCrypt;

import io.clientele.audit.AuditActor;
import io.clientele.support.Passwords;
import io.clientele.authentication.CustomerLogin;
import io.clientele.authentication.LoginOutcome;
import io.clientele.credentials.PasswordManagement;
import io.clientele.credentials.PasswordManagement.PasswordStatus;
import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.CustomerReference;
import io.clientele.shared.EmailAddress;
import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;

/**
 * Spryker's customer.csv into Clientele: what arrives, what a second run does, and what
 * every kind of bad row and bad file gets.
 */
@SpringBootTest
class CustomerImportIntegrationTests {

	static final String HEADER = "customer_reference,locale_name,phone,email,salutation,first_name,last_name,company,"
			+ "gender,date_of_birth,password,registered";

	// PHP's password_hash("rasmuslerdorf"), as in Spryker's database
	static final String RASMUS = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

	@Autowired
	CustomerImport customerImport;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PasswordManagement passwords;

	@Autowired
	CustomerLogin login;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	final String prefix = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	String reference(int n) {
		return prefix + "--" + n;
	}

	String email(int n) {
		return prefix.toLowerCase() + "." + n + "@spryker.example";
	}

	String row(int n, String password) {
		return reference(n) + ",de_DE,+49 30 " + n + "," + email(n) + ",Mr,Spencor,\"Hopkin, Jr.\",spryker,Male,"
				+ "1982-03-14," + password + ",2020-06-24";
	}

	Path file(String... lines) throws IOException {
		var file = Files.createTempFile(dir, "customer", ".csv");
		Files.writeString(file, String.join("\r\n", lines) + "\r\n");
		return file;
	}

	ImportReport importFile(Path file) {
		return customerImport.importCustomers(file, new ImportOptions(false, false, dir.resolve("errors.csv")),
				ImportListener.NONE, AuditActor.console());
	}

	@Test
	void aSprykerDemoFileWithBomAndBcryptHashesImportsAndItsCustomersLogInWithTheirOldPasswordThenHoldArgon2id()
			throws IOException {
		var file = dir.resolve("customer.csv");
		var content = new StringBuilder("\uFEFF" + HEADER + "\r\n");
		for (var n = 1; n <= 21; n++) {
			content.append(row(n, RASMUS)).append("\r\n");
		}
		Files.writeString(file, content);

		var report = importFile(file);

		assertThat(report.succeeded()).isTrue();
		assertThat(report.created()).isEqualTo(21);
		var imported = customers.findByReference(CustomerReference.of(reference(7))).orElseThrow();
		assertThat(imported.email().value()).isEqualTo(email(7));
		assertThat(imported.lastName()).as("a quoted field keeps its comma").isEqualTo("Hopkin, Jr.");
		assertThat(imported.locale().code()).as("locale_name sets the preferred locale").isEqualTo("de_DE");
		assertThat(imported.confirmed()).as("registered confirms the address").isTrue();
		assertThat(imported.registered()).as("a password means a login").isTrue();
		assertThat(hashOf(reference(7))).isEqualTo(RASMUS);

		assertThat(login.attempt(email(7), "rasmuslerdorf", io.clientele.credentials.LoginAttempt.unknownClient(),
				io.clientele.multifactor.SecondFactorProof.none()))
			.isInstanceOf(LoginOutcome.Succeeded.class);
		var upgraded = hashOf(reference(7));
		assertThat(upgraded).as("replaced at the first login").startsWith("$argon2id$");
		assertThat(login.attempt(email(7), "rasmuslerdorf", io.clientele.credentials.LoginAttempt.unknownClient(),
				io.clientele.multifactor.SecondFactorProof.none()))
			.isInstanceOf(LoginOutcome.Succeeded.class);
		assertThat(hashOf(reference(7))).as("a later login only verifies: nothing is hashed again").isEqualTo(upgraded);
		assertThat(hashOf(reference(8))).as("the others keep theirs until they log in").isEqualTo(RASMUS);
	}

	@Test
	void anImportedPasswordBelowThePolicyKeepsWorkingAndTheCustomerIsAskedToChangeIt() throws IOException {
		// Spryker's demo customers have "change123": nine characters, below our twelve
		var hash = "$2y$" + BCrypt.hashpw("change123", BCrypt.gensalt(10)).substring(4);

		importFile(file(HEADER, row(1, hash)));

		var verified = Passwords.verify(passwords, email(1), "change123").orElseThrow();
		assertThat(verified.status()).isNotEqualTo(PasswordStatus.COMPLIANT);
	}

	@Test
	void runningTheSameFileTwiceChangesNothing() throws IOException {
		var file = file(HEADER, row(1, RASMUS), row(2, ""), row(3, RASMUS));
		importFile(file);
		var before = versionAndUpdate(reference(2));

		var second = importFile(file);

		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(3);
		assertThat(versionAndUpdate(reference(2))).isEqualTo(before);
	}

	@Test
	void aChangedRowUpdatesTheCustomerFoundByReferenceAndAnEmptyLocaleKeepsTheirs() throws IOException {
		importFile(file(HEADER, row(1, "")));

		var report = importFile(
				file(HEADER, reference(1) + ",,,NEW." + email(1) + ",Ms,Sonia,Wagner,,Female,,," + "2020-06-24"));

		assertThat(report.updated()).isEqualTo(1);
		var customer = customers.findByReference(CustomerReference.of(reference(1))).orElseThrow();
		assertThat(customer.email().value()).isEqualTo("NEW." + email(1));
		assertThat(customer.firstName()).isEqualTo("Sonia");
		assertThat(customer.company()).as("the file is the truth: an empty company is none").isNull();
		assertThat(customer.locale().code()).isEqualTo("de_DE");
	}

	@Test
	void aRowWithoutReferenceUpdatesTheCustomerWithItsAddressOrCreatesOneWithTheNextReference() throws IOException {
		var existing = Accounts.confirmedCustomer(signUp, email(1));

		var report = importFile(file(HEADER, ",en_US,," + email(1) + ",Dr,Anne,Boleyn,,,,,",
				",en_US,," + email(2) + ",Mr,New,Person,,,,,"));

		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.created()).isEqualTo(1);
		assertThat(customers.find(existing.id()).orElseThrow().lastName()).isEqualTo("Boleyn");
		var created = customers.findByEmail(EmailAddress.of(email(2))).orElseThrow();
		assertThat(created.reference().value()).startsWith("DE--");
		assertThat(created.registered()).as("no password: no login yet").isFalse();
	}

	@Test
	void aReferenceWithALargerNumberMovesTheSequenceOn() throws IOException {
		long current = jdbc.sql("select last_value from customer_reference_seq").query(Long.class).single();

		importFile(file(HEADER, row((int) current + 500, "")));

		long moved = jdbc.sql("select last_value from customer_reference_seq").query(Long.class).single();
		assertThat(moved).isGreaterThanOrEqualTo(current + 500);
	}

	@Test
	void aDryRunChecksEveryRowAgainstTheDatabaseAndWritesNothing() throws IOException {
		var other = Accounts.confirmedCustomer(signUp, email(9));

		var report = customerImport.importCustomers(
				file(HEADER, row(1, RASMUS), row(2, ""), reference(3) + ",,," + email(9) + ",Mr,A,B,,,,,"),
				new ImportOptions(true, false, dir.resolve("dry.csv")), ImportListener.NONE, AuditActor.console());

		assertThat(report.dryRun()).isTrue();
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.firstErrors()).singleElement()
			.satisfies(error -> assertThat(error.reason()).contains(other.reference().value()));
		assertThat(customers.findByReference(CustomerReference.of(reference(1)))).isEmpty();
	}

	@Test
	void aDryRunLeavesTheReferenceSequenceAsItIs() throws IOException {
		long current = jdbc.sql("select last_value from customer_reference_seq").query(Long.class).single();

		customerImport.importCustomers(file(HEADER, row((int) current + 500, "")), new ImportOptions(true, false, null),
				ImportListener.NONE, AuditActor.console());

		assertThat(jdbc.sql("select last_value from customer_reference_seq").query(Long.class).single())
			.isLessThan(current + 500);
	}

	@Test
	void aFileOfManyBatchesWrittenAtOnceImportsEveryRowOnceAndReportsTheRowsEveryBatchRejects() throws IOException {
		var rows = 3 * ImportRun.BATCH_SIZE + 7;
		var lines = new ArrayList<String>(rows + 1);
		lines.add(HEADER);
		var rejectedLines = new ArrayList<Long>();
		for (var n = 1; n <= rows; n++) {
			if (n % ImportRun.BATCH_SIZE == 17) {
				// the address of another customer: only the database can tell
				var other = Accounts.confirmedCustomer(signUp, email(900_000 + n));
				lines.add(row(n, "").replace(email(n), other.email().value()));
				rejectedLines.add((long) n + 1);
			}
			else {
				lines.add(row(n, ""));
			}
		}

		var report = importFile(file(lines.toArray(String[]::new)));

		assertThat(report.created()).isEqualTo(rows - rejectedLines.size());
		assertThat(report.failed()).isEqualTo(rejectedLines.size());
		assertThat(report.firstErrors()).extracting(RowError::line).containsExactlyElementsOf(rejectedLines);
		assertThat(jdbc.sql("select count(*) from customer where customer_reference like ?")
			.param(prefix + "--%")
			.query(Long.class)
			.single()).isEqualTo(rows - rejectedLines.size());
	}

	@Test
	void everyKindOfBadRowIsReportedWithItsLineAndColumnAndTheGoodRowsAreImported() throws IOException {
		var taken = Accounts.confirmedCustomer(signUp, email(50));
		var lines = new ArrayList<String>(List.of(HEADER, row(1, RASMUS), // line 2: good
				row(2, "").replace(reference(2), prefix + "--X"), // 3 reference
				row(3, "").replace("de_DE", "fr_FR"), // 4 locale
				row(4, "").replace("1982-03-14", "1982-02-30"), // 5 date of birth
				row(5, "").replace(",Mr,", ",Sir,"), // 6 salutation
				row(6, "").replace(",Male,", ",Robot,"), // 7 gender
				row(7, "").replace(email(7), "not-an-address"), // 8 email
				row(1, "").replace(email(1), email(80)), // 9 duplicate reference
				row(9, "").replace(email(9), email(1).toUpperCase()), // 10 duplicate
																		// email
				row(10, "").replace(email(10), email(50)), // 11 taken by another customer
				row(11, "5f4dcc3b5aa765d61d8327deb882cf99"), // 12 unknown hash (MD5)
				reference(12) + ",de_DE," + email(12), // 13 too few columns
				row(13, "").replace("2020-06-24", "2099-01-01"), // 14 registered in the
																	// future
				row(14, "").replace("Spencor", "<script>"), // 15 first name
				row(15, ""))); // 16 good
		var file = file(lines.toArray(String[]::new));

		var report = importFile(file);

		assertThat(report.created()).isEqualTo(2);
		assertThat(report.failed()).isEqualTo(13);
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column)
			.contains(org.assertj.core.groups.Tuple.tuple(3L, "customer_reference"),
					org.assertj.core.groups.Tuple.tuple(4L, "locale_name"),
					org.assertj.core.groups.Tuple.tuple(5L, "date_of_birth"),
					org.assertj.core.groups.Tuple.tuple(6L, "salutation"),
					org.assertj.core.groups.Tuple.tuple(7L, "gender"), org.assertj.core.groups.Tuple.tuple(8L, "email"),
					org.assertj.core.groups.Tuple.tuple(9L, "customer_reference"),
					org.assertj.core.groups.Tuple.tuple(10L, "email"),
					org.assertj.core.groups.Tuple.tuple(11L, "email"),
					org.assertj.core.groups.Tuple.tuple(12L, "password"),
					org.assertj.core.groups.Tuple.tuple(13L, RowError.WHOLE_ROW),
					org.assertj.core.groups.Tuple.tuple(14L, "registered"),
					org.assertj.core.groups.Tuple.tuple(15L, "first_name"));
		assertThat(report.firstErrors()).filteredOn(error -> error.line() == 9)
			.singleElement()
			.satisfies(error -> assertThat(error.reason()).contains("already in line 2"));
		assertThat(report.firstErrors()).filteredOn(error -> error.line() == 11)
			.singleElement()
			.satisfies(error -> assertThat(error.reason()).contains(taken.reference().value()));
		var reportLines = Files.readAllLines(dir.resolve("errors.csv"));
		assertThat(reportLines.get(0)).isEqualTo("line,column,reason");
		assertThat(reportLines).hasSize(1 + report.firstErrors().size());
		assertThat(customers.findByReference(CustomerReference.of(reference(15)))).isPresent();
		assertThat(customers.findByEmail(EmailAddress.of(email(80)))).as("nothing of a bad row is written").isEmpty();
	}

	@Test
	void invalidUtf8IsARowErrorAtItsColumn() throws IOException {
		var file = dir.resolve("latin1.csv");
		var bytes = new java.io.ByteArrayOutputStream();
		bytes.writeBytes((HEADER + "\n" + row(1, "") + "\n").getBytes(StandardCharsets.UTF_8));
		// "Müller" in ISO-8859-1: 0xFC is not UTF-8
		bytes.writeBytes((row(2, "").replace("Spencor", "M\u00fcller") + "\n").getBytes(StandardCharsets.ISO_8859_1));
		Files.write(file, bytes.toByteArray());

		var report = importFile(file);

		assertThat(report.created()).isEqualTo(1);
		assertThat(report.firstErrors()).singleElement()
			.satisfies(error -> assertThat(error).extracting(RowError::line, RowError::column, RowError::reason)
				.containsExactly(3L, "first_name", "is not valid UTF-8"));
	}

	@Test
	void aBrokenQuoteOrAnOverlongLineStopsTheReadingWithARowErrorAfterTheRowsBeforeIt() throws IOException {
		var quote = importFile(file(HEADER, row(1, ""), row(2, "").replace("\"Hopkin, Jr.\"", "\"Hopkin\"x")));
		assertThat(quote.created()).isEqualTo(1);
		assertThat(quote.complete()).isFalse();
		assertThat(quote.firstErrors()).singleElement().satisfies(error -> {
			assertThat(error.line()).isEqualTo(3);
			assertThat(error.reason()).contains("the rest of the file was not read");
		});

		var longLine = importFile(file(HEADER, row(3, ""), row(4, "").replace("spryker", "x".repeat(3_000_000))));
		assertThat(longLine.created()).isEqualTo(1);
		assertThat(longLine.firstErrors()).singleElement()
			.satisfies(error -> assertThat(error.reason()).contains("longer than"));
	}

	@Test
	void aFileWithAnotherHeaderIsRefusedBeforeAnythingIsWritten() throws IOException {
		var good = row(1, "");
		assertRefused(file(HEADER.replace("phone,", ""), good), "Missing: phone");
		assertRefused(file(HEADER.replace("phone,email", "email,phone"), good), "another order");
		assertRefused(file(HEADER.replace(',', ';'), good.replace(',', ';')), "separated by ';'");
		assertRefused(file(good), "not the expected one");
		var empty = dir.resolve("empty.csv");
		Files.writeString(empty, "");
		assertRefused(empty, "empty");
		var utf16 = dir.resolve("utf16.csv");
		Files.write(utf16, (HEADER + "\n" + good).getBytes(StandardCharsets.UTF_16));
		assertRefused(utf16, "UTF-16");
		assertRefused(dir.resolve("missing.csv"), "no file");
		assertThat(customers.findByReference(CustomerReference.of(reference(1)))).isEmpty();
	}

	@Test
	void aPasswordTheCustomerChoseIsNeverReplacedByALaterImport() throws IOException {
		importFile(file(HEADER, row(1, RASMUS)));
		var customer = customers.findByReference(CustomerReference.of(reference(1))).orElseThrow();
		passwords.setPassword(customer.id(), Shoppers.PASSWORD);

		var report = importFile(file(HEADER, row(1, RASMUS)));

		assertThat(report.unchanged()).isEqualTo(1);
		assertThat(Passwords.isCurrent(passwords, customer.id(), Shoppers.PASSWORD)).isTrue();
	}

	@Test
	void anImportCannotPlantAHashSoCheapThatAStolenCopyIsCrackedAtOnce() throws IOException {
		var bcryptCost4 = org.springframework.security.crypto.bcrypt.BCrypt.hashpw("rasmuslerdorf",
				org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4));
		var pbkdf2Of1000 = "\"$pbkdf2-sha256$i=1000,l=32$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA\"";
		var bcryptCost8 = org.springframework.security.crypto.bcrypt.BCrypt.hashpw("rasmuslerdorf",
				org.springframework.security.crypto.bcrypt.BCrypt.gensalt(8));

		var report = importFile(file(HEADER, row(1, bcryptCost4), row(2, pbkdf2Of1000), row(3, bcryptCost8)));

		assertThat(report.created()).as("cost 8 is the least kept").isEqualTo(1);
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column, RowError::reason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(2L, "password",
							"is a bcrypt hash of cost 4, below the minimum of 8: too weak to keep;"
									+ " leave the password empty and send the customer a reset link"),
					org.assertj.core.groups.Tuple.tuple(3L, "password",
							"is a PBKDF2 hash of 1,000 iterations, below the minimum of 10,000: too weak to keep;"
									+ " leave the password empty and send the customer a reset link"));
		assertThat(customers.findByReference(CustomerReference.of(reference(1)))).isEmpty();
	}

	@Test
	void anExportHoldsSprykersColumnsAndHashesOnlyWhenAskedAndImportsBackUnchanged() throws IOException {
		importFile(file(HEADER, row(1, RASMUS)));

		var plain = new StringWriter();
		customerImport.exportCustomers(plain, false, AuditActor.console());
		var withHashes = new StringWriter();
		customerImport.exportCustomers(withHashes, true, AuditActor.console());

		assertThat(plain.toString()).startsWith(HEADER + "\n")
			.contains(reference(1) + ",de_DE,'+49 30 1," + email(1) + ",Mr,Spencor,\"Hopkin, Jr.\",spryker,Male,"
					+ "1982-03-14,,2020-06-24")
			.doesNotContain(RASMUS);
		assertThat(withHashes.toString()).contains(RASMUS);
		var exported = dir.resolve("export.csv");
		Files.writeString(exported, withHashes.toString());
		var back = importFile(exported);
		assertThat(back.failed()).isZero();
		assertThat(back.created()).isZero();
		assertThat(back.updated()).isZero();
	}

	private void assertRefused(Path file, String message) {
		assertThatExceptionOfType(ImportRefused.class).isThrownBy(() -> importFile(file))
			.withMessageContaining(message);
	}

	private String hashOf(String reference) {
		return jdbc
			.sql("select p.hash from credentials_password p join customer c on c.id = p.owner_id"
					+ " where c.customer_reference = ?")
			.param(reference)
			.query(String.class)
			.single();
	}

	private List<Object> versionAndUpdate(String reference) {
		return jdbc.sql("select version, updated_at from customer where customer_reference = ?")
			.param(reference)
			.query((row, n) -> List.<Object>of(row.getLong(1), row.getTimestamp(2)))
			.single();
	}

}
