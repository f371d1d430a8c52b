package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The back office's customer import and export over real HTTP: upload, dry run, import,
 * the lists of failed rows, who may see what.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeImportIntegrationTests {

	static final String STAFF_PASSWORD = "violet-lantern-orchard-3";

	static final String HEADER = "customer_reference,locale_name,phone,email,salutation,first_name,last_name,company,"
			+ "gender,date_of_birth,password,registered";

	static final String IMPORT = "/backoffice/customers/import";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDryRunShowsTheCountsAndEachRowErrorByLineWritesNothingAndTheImportThenCreatesTheGoodRows() {
		var ida = Shoppers.uniqueEmail();
		var bob = Shoppers.uniqueEmail();
		var cem = Shoppers.uniqueEmail();
		var csv = String.join("\n", HEADER, //
				",en_US,,%s,Ms,Ida,Import,ACME,,1990-02-03,,".formatted(ida), // line 2
				",de_DE,,not-an-address,Mr,Bad,Address,,,,,", // line 3
				",en_US,,%s,Mr,Bob,Import,,,,gentle-harbour-lantern-9,2024-05-06".formatted(bob), // line
																									// 4
				",en_US,,%s,Mr,Old,Date,,,03.02.1990,,".formatted(Shoppers.uniqueEmail()), // line
																							// 5
				",en_US,,%s,Dr,Cem,Import,,,,,".formatted(cem)) + "\n";
		var browser = admin();
		browser.get(IMPORT);

		var uploaded = browser.upload(IMPORT, Map.of("plaintextPasswords", "true"), "customers.csv", bytes(csv));
		var dryRun = browser.follow(uploaded);

		assertThat(uploaded.status()).isEqualTo(302);
		var page = Jsoup.parse(dryRun.body());
		assertThat(page.select("#dry-run h2").text()).isEqualTo("Dry run: nothing has been written yet");
		assertThat(page.select("#file-name").text()).isEqualTo("customers.csv");
		assertThat(counts(page)).containsEntry("rows", "5")
			.containsEntry("created", "3")
			.containsEntry("updated", "0")
			.containsEntry("unchanged", "0")
			.containsEntry("failed", "2");
		assertThat(rowErrors(page)).containsExactly("3 | email | is not a valid email address",
				"5 | date_of_birth | \"03.02.1990\" is not a date in the form YYYY-MM-DD");
		assertThat(page.select("#start-import").text()).isEqualTo("Import 3 rows");
		assertThat(customers.findByEmail(EmailAddress.of(ida))).as("a dry run writes nothing").isEmpty();

		var started = browser.post(uploaded.location().orElseThrow(), Map.of());
		var summary = finished(browser, started.location().orElseThrow());

		var done = Jsoup.parse(summary.body());
		assertThat(done.select("#summary h2").text()).isEqualTo("Import finished");
		assertThat(counts(done)).containsEntry("rows", "5").containsEntry("created", "3").containsEntry("failed", "2");
		assertThat(done.select("#error-report").attr("href")).endsWith("/errors.csv");
		assertThat(browser.get(done.select("#error-report").attr("href")).body().lines().toList()).hasSize(3);
		assertThat(customers.findByEmail(EmailAddress.of(ida))).hasValueSatisfying(customer -> {
			assertThat(customer.company()).isEqualTo("ACME");
			assertThat(customer.dateOfBirth()).isEqualTo(LocalDate.of(1990, 2, 3));
		});
		assertThat(customers.findByEmail(EmailAddress.of(cem))).isPresent();
		var shopper = new WebClient(port);
		shopper.logIn(bob, "gentle-harbour-lantern-9");
		assertThat(shopper.get("/customer/overview").status()).as("the clear password was hashed and works")
			.isEqualTo(200);
		assertThat(jdbc
			.sql("select detail from audit_entry where type = 'CUSTOMERS_IMPORTED' and actor = ?"
					+ " order by id desc limit 1")
			.param(adminEmail)
			.query(String.class)
			.single()).isEqualTo("customers.csv: 5 rows, 3 created, 0 updated, 0 unchanged, 2 failed");
	}

	@Test
	void aFileWithAnotherHeaderIsRefusedWithTheReasonAndNothingIsWritten() {
		var email = Shoppers.uniqueEmail();
		var csv = "reference;email;first_name\n;%s;Ida\n".formatted(email);
		var browser = admin();
		browser.get(IMPORT);

		var refused = browser.upload(IMPORT, Map.of(), "export.csv", bytes(csv));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("Nothing was imported:")
			.contains("The header has a single column separated by &#39;;&#39;")
			.contains("customer_reference,locale_name");
		assertThat(customers.findByEmail(EmailAddress.of(email))).isEmpty();
	}

	@Test
	void anEmptyUploadOrABinaryFileIsRefusedWithAMessageOfItsOwn() {
		var browser = admin();
		browser.get(IMPORT);

		var empty = browser.upload(IMPORT, Map.of(), "empty.csv", new byte[0]);
		var workbook = browser.upload(IMPORT, Map.of(), "customers.xlsx",
				new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0 });
		var headerOnly = browser.upload(IMPORT, Map.of(), "blank.csv", bytes("\n"));

		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.body()).contains("Please choose a CSV file: the upload was empty.");
		assertThat(workbook.status()).isEqualTo(422);
		assertThat(workbook.body()).contains("This is not a CSV file: it holds binary data");
		assertThat(headerOnly.status()).isEqualTo(422);
		assertThat(headerOnly.body()).contains("Nothing was imported:").doesNotContain("Exception");
	}

	@Test
	void theErrorReportListsEveryFailedRowWhileThePageShowsTheFirstHundred() {
		var csv = new StringBuilder(HEADER).append('\n');
		for (var i = 0; i < 150; i++) {
			csv.append(",en_US,,broken-").append(i).append(",Ms,Ida,Import,,,,,\n");
		}
		var browser = admin();
		browser.get(IMPORT);
		var job = browser.upload(IMPORT, Map.of(), "broken.csv", bytes(csv.toString())).location().orElseThrow();

		var dryRun = finished(browser, job);
		var report = browser.get(job + "/check-errors.csv");

		var page = Jsoup.parse(dryRun.body());
		assertThat(page.select("#row-errors caption").text())
			.isEqualTo("The first 100 errors; the CSV lists every one.");
		assertThat(rowErrors(page)).hasSize(100).first().isEqualTo("2 | email | is not a valid email address");
		assertThat(page.select("#nothing-to-import")).hasSize(1);
		assertThat(page.select("#start-import")).isEmpty();
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		assertThat(report.header("Content-Disposition"))
			.hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));
		var lines = report.body().lines().toList();
		assertThat(lines).hasSize(151).first().isEqualTo("line,column,reason");
		var expected = new ArrayList<String>();
		for (var line = 2; line <= 151; line++) {
			expected.add(line + ",email,is not a valid email address");
		}
		assertThat(lines.subList(1, 151)).containsExactlyElementsOf(expected);
	}

	@Test
	void anImportAndItsErrorReportAreOnlyForTheStaffMemberWhoUploadedIt() {
		var csv = HEADER + "\n,en_US,,broken,Ms,Ida,Import,,,,,\n";
		var owner = admin();
		owner.get(IMPORT);
		var job = owner.upload(IMPORT, Map.of(), "mine.csv", bytes(csv)).location().orElseThrow();
		finished(owner, job);
		var otherAdmin = signedIn(StaffRole.ADMIN, "Olga Other");

		assertThat(owner.get(job + "/check-errors.csv").status()).isEqualTo(200);
		assertThat(otherAdmin.get(job).status()).isEqualTo(404);
		assertThat(otherAdmin.get(job + "/progress").status()).isEqualTo(404);
		assertThat(otherAdmin.get(job + "/check-errors.csv").status()).isEqualTo(404);
		otherAdmin.get(IMPORT);
		assertThat(otherAdmin.post(job, Map.of()).status()).isEqualTo(404);
		assertThat(owner.get(IMPORT + "/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void supportStaffCanNeitherImportNorExport() {
		var support = signedIn(StaffRole.SUPPORT, "Sam Support");

		var list = support.get("/backoffice/customers");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain("id=\"import-customers\"")
			.doesNotContain("id=\"export-customers\"")
			.doesNotContain("id=\"nav-import\"");
		assertThat(support.get(IMPORT).status()).isEqualTo(403);
		assertThat(support.upload(IMPORT, Map.of(), "customers.csv", bytes(HEADER + "\n")).status()).isEqualTo(403);
		assertThat(support.get("/backoffice/customers/export").status()).isEqualTo(403);
	}

	@Test
	void theExportDownloadsEveryOpenAccountAsSprykersCustomerCsvWithoutPasswordHashesAndIsAudited() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var browser = admin();

		var list = browser.get("/backoffice/customers");
		var export = browser.get("/backoffice/customers/export");

		assertThat(list.body()).contains("id=\"export-customers\"").contains("id=\"import-customers\"");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		assertThat(export.header("Content-Disposition"))
			.hasValue("attachment; filename=customers-" + LocalDate.now(java.time.ZoneOffset.UTC) + ".csv");
		assertThat(export.body().lines().findFirst()).hasValue(HEADER);
		assertThat(export.body()).contains(customer.reference().value() + ",en_US,," + email + ",Ms,Ann,Lee,")
			.doesNotContain("$argon2");
		assertThat(jdbc
			.sql("select count(*) from audit_entry where type = 'CUSTOMERS_EXPORTED' and actor = ?"
					+ " and customer_id is null")
			.param(adminEmail)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aShopperCannotPlantASpreadsheetFormulaInTheExportAndTheExportStillImportsBackUnchanged() {
		// no ':' or '/' (names refuse them), yet a link once a spreadsheet runs it
		var formula = "=HYPERLINK(CONCAT(\"https\",CHAR(58),CHAR(47),CHAR(47),\"evil.example\"),\"Open\")";
		var email = Shoppers.uniqueEmail();
		var customer = ((io.clientele.credentials.SignUpOutcome.Registered) signUp
			.register(new io.clientele.customer.RegisterCustomer("Ms", formula, "-Lee", email, null, null,
					"+1 555 0100", "@SUM(1+1)", "en_US", true), Shoppers.PASSWORD))
			.customer();
		var browser = admin();

		var export = browser.get("/backoffice/customers/export");

		var line = export.body()
			.lines()
			.filter(l -> l.contains(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the customer is not in the export"));
		assertThat(line).startsWith(customer.reference().value() + ",en_US,'+1 555 0100," + email + ",Ms,")
			.contains(",\"'=HYPERLINK(CONCAT(\"\"https\"\"")
			.contains(",'-Lee,'@SUM(1+1),");
		browser.get(IMPORT);
		var uploaded = browser.upload(IMPORT, Map.of(), "export.csv", bytes(HEADER + "\n" + line + "\n"));
		var started = browser.post(uploaded.location().orElseThrow(), Map.of());
		var summary = Jsoup.parse(finished(browser, started.location().orElseThrow()).body());
		assertThat(counts(summary)).containsEntry("rows", "1").containsEntry("unchanged", "1");
		assertThat(customers.findByEmail(EmailAddress.of(email))).hasValueSatisfying(back -> {
			assertThat(back.firstName()).isEqualTo(formula);
			assertThat(back.lastName()).isEqualTo("-Lee");
			assertThat(back.phone()).isEqualTo("+1 555 0100");
			assertThat(back.company()).isEqualTo("@SUM(1+1)");
		});
	}

	@Test
	void aLargeMultipartBodyIsRefusedEverywhereButTheImport() {
		var browser = new WebClient(port);
		browser.get("/login");

		var answer = browser.upload("/login", Map.of(), "big.csv", new byte[11 * 1024 * 1024]);

		assertThat(answer.status()).isEqualTo(413);
	}

	@Test
	void aFileOverTheLimitIsSentBackToTheFormWhichNamesTheLimit() {
		var browser = admin();

		var page = browser.get(IMPORT + "?too-large");

		assertThat(page.status()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).select("#problem").text())
			.isEqualTo("The file is larger than 200 MB. Please split it and import the parts one after the other.");
		assertThat(Jsoup.parse(page.body()).select("#import-form").attr("data-max-bytes"))
			.isEqualTo(String.valueOf(200L * 1024 * 1024));
	}

	// the address of the test's admin, who acts in the audit trail
	String adminEmail;

	// an admin of the test's own, with the authenticator app admins must have
	WebClient admin() {
		adminEmail = BackofficeLogins.newAdmin(staff).email().value();
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, adminEmail, BackofficeLogins.PASSWORD);
		return browser;
	}

	WebClient signedIn(StaffRole role, String name) {
		var email = "staff-" + UUID.randomUUID().toString().substring(0, 13) + "@clientele.example";
		staff.create(EmailAddress.of(email), name, role, STAFF_PASSWORD);
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, email, STAFF_PASSWORD);
		return browser;
	}

	/** The job's page once its dry run or import has ended, as the progress bar waits. */
	static WebClient.Page finished(WebClient browser, String job) {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!browser.get(job + "/progress").body().contains("\"finished\":true")) {
			assertThat(Instant.now()).as("the run ends in time").isBefore(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return browser.get(job);
	}

	static Map<String, String> counts(Document page) {
		var counts = new java.util.HashMap<String, String>();
		for (var count : page.select("#counts dd[id^=count-]")) {
			counts.put(count.id().substring("count-".length()), count.text());
		}
		return counts;
	}

	static java.util.List<String> rowErrors(Document page) {
		return page.select("#row-errors tbody tr")
			.stream()
			.map(row -> String.join(" | ", row.select("td").eachText()))
			.toList();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
