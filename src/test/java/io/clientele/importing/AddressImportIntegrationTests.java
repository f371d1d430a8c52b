package io.clientele.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.audit.AuditActor;
import io.clientele.address.AddressBook;
import io.clientele.address.AddressData;
import io.clientele.address.AddressDetails;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.support.Shoppers;

/**
 * Customers' addresses from a CSV file: what arrives, the defaults, what a second run
 * does, and what every kind of bad row and bad file gets.
 */
@SpringBootTest
class AddressImportIntegrationTests {

	static final String HEADER = "customer_reference,salutation,first_name,last_name,company,address1,address2,"
			+ "address3,zip_code,city,iso2_code,phone,is_default_billing,is_default_shipping";

	@Autowired
	AddressImport addressImport;

	@Autowired
	AddressBook addresses;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	CustomerDetails customer() {
		return customers
			.register(RegisterCustomer.fromStorefront("Mr", "Spencor", "Hopkin", Shoppers.uniqueEmail(), "en_US"));
	}

	/** A row of the customer's address in the street with the number, flags as given. */
	static String row(CustomerDetails customer, String street, String billing, String shipping) {
		return customer.reference().value() + ",Mr,Spencor,Hopkin,spryker," + street + ",1,,10115,Berlin,DE,"
				+ "+49 30 1234561," + billing + "," + shipping;
	}

	static AddressData address(String street) {
		return new AddressData("Mr", "Spencor", "Hopkin", street, "1", null, "10115", "Berlin", "DE", "spryker",
				"+49 30 1234561");
	}

	Path file(String... lines) throws IOException {
		var file = Files.createTempFile(dir, "addresses", ".csv");
		Files.writeString(file, String.join("\r\n", lines) + "\r\n");
		return file;
	}

	ImportReport importFile(Path file) {
		return addressImport.importAddresses(file, new ImportOptions(false, false, dir.resolve("errors.csv")),
				ImportListener.NONE, AuditActor.console());
	}

	List<AddressDetails> addressesOf(CustomerDetails customer) {
		return addresses.list(customer.id());
	}

	@Test
	void eachRowAddsAnAddressToTheCustomerWithItsReferenceAndTheFirstBecomesBothDefaults() throws IOException {
		var ann = customer();
		var bob = customer();

		var report = importFile(file(HEADER, row(ann, "Julie-Wolfthorn-Straße", "", ""),
				ann.reference().value() + ", Ms , Ann ,Lee,, Hauptstraße ,2a, Hinterhaus ,20095, Hamburg ,DE,,0,no",
				row(bob, "Karl-Marx-Allee", "", "")));

		assertThat(report.succeeded()).isTrue();
		assertThat(report.created()).isEqualTo(3);
		assertThat(addressesOf(ann)).as("in the file's order")
			.extracting(AddressDetails::address1, AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.containsExactly(tuple("Julie-Wolfthorn-Straße", true, true), tuple("Hauptstraße", false, false));
		var second = addressesOf(ann).get(1);
		assertThat(second)
			.extracting(AddressDetails::salutation, AddressDetails::firstName, AddressDetails::address2,
					AddressDetails::address3, AddressDetails::city, AddressDetails::company, AddressDetails::phone)
			.as("stripped; an empty optional field is none")
			.containsExactly("Ms", "Ann", "2a", "Hinterhaus", "Hamburg", null, null);
		assertThat(addressesOf(bob)).singleElement()
			.satisfies(address -> assertThat(address.defaultBilling() && address.defaultShipping()).isTrue());
	}

	@Test
	void runningTheSameFileTwiceChangesNothing() throws IOException {
		var ann = customer();
		var file = file(HEADER, row(ann, "Erste Straße", "", ""), row(ann, "Zweite Straße", "1", ""),
				row(ann, "Dritte Straße", "", "yes"), row(ann, "Vierte Straße", "0", "0"));
		importFile(file);
		var before = jdbc
			.sql("select id, default_billing, default_shipping, updated_at from address_entry"
					+ " where customer_id = ? order by id")
			.param(ann.id().value())
			.query()
			.listOfRows();

		var second = importFile(file);

		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(4);
		assertThat(jdbc
			.sql("select id, default_billing, default_shipping, updated_at from address_entry"
					+ " where customer_id = ? order by id")
			.param(ann.id().value())
			.query()
			.listOfRows()).isEqualTo(before);
	}

	@Test
	void anAddressTheCustomerAlreadyHasIsNotAddedAgainButBecomesTheDefaultWhenItsRowSaysSo() throws IOException {
		var ann = customer();
		var home = addresses.add(ann.id(), address("Heimweg"), false, false);
		var office = addresses.add(ann.id(), new AddressData("Mr", "Spencor", "Hopkin", "Büroweg", "1", "", "10115",
				"Berlin", "DE", "spryker", "+49 30 1234561"), false, false);

		var report = importFile(file(HEADER, row(ann, "Heimweg", "0", ""), ann.reference().value()
				+ ",Mr, Spencor ,Hopkin,spryker,Büroweg,1,  ,10115,Berlin ,DE,+49 30 1234561,1,"));

		assertThat(report.created()).isZero();
		assertThat(report.unchanged()).as("the home address, whose row asks for nothing").isOne();
		assertThat(report.updated()).as("the office address, equal after stripping, now the billing default").isOne();
		assertThat(addressesOf(ann))
			.extracting(AddressDetails::id, AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.containsExactly(tuple(home.id(), false, true), tuple(office.id(), true, false));
	}

	@Test
	void aOneMakesTheNewAddressTheDefaultAndAZeroNeverTakesADefaultAway() throws IOException {
		var ann = customer();
		addresses.add(ann.id(), address("Heimweg"), false, false);

		importFile(file(HEADER, row(ann, "Neuer Weg", "1", "0"), row(ann, "Dritter Weg", "0", "0")));

		assertThat(addressesOf(ann))
			.extracting(AddressDetails::address1, AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.containsExactly(tuple("Heimweg", false, true), tuple("Neuer Weg", true, false),
					tuple("Dritter Weg", false, false));
	}

	@Test
	void aSecondRowAskingForTheSameDefaultOfACustomerIsARowError() throws IOException {
		var ann = customer();
		var bob = customer();

		var report = importFile(file(HEADER, row(ann, "Erste Straße", "1", "1"), row(ann, "Zweite Straße", "1", ""),
				row(ann, "Dritte Straße", "", "true"), row(ann, "Vierte Straße", "0", "0"),
				row(bob, "Fünfte Straße", "1", "1")));

		assertThat(report.created()).isEqualTo(3);
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column, RowError::reason)
			.containsExactly(
					tuple(3L, "is_default_billing",
							"the default billing address of " + ann.reference().value()
									+ " is already the one in line 2"),
					tuple(4L, "is_default_shipping", "the default shipping address of " + ann.reference().value()
							+ " is already the one in line 2"));
		assertThat(addressesOf(ann))
			.extracting(AddressDetails::address1, AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.containsExactly(tuple("Erste Straße", true, true), tuple("Vierte Straße", false, false));
	}

	@Test
	void theCustomersFirstAddressInTheFileTakesTheDefaultsTheCustomerLacksEvenWhenTheBookHasItAlready()
			throws IOException {
		var ann = customer();
		var home = addresses.add(ann.id(), address("Heimweg"), false, false);
		var office = addresses.add(ann.id(), address("Büroweg"), false, false);
		addresses.remove(ann.id(), home.id());

		var report = importFile(file(HEADER, row(ann, "Büroweg", "", ""), row(ann, "Neuer Weg", "", "")));

		assertThat(report.updated()).isOne();
		assertThat(report.created()).isOne();
		assertThat(addressesOf(ann))
			.extracting(AddressDetails::id, AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.first()
			.isEqualTo(tuple(office.id(), true, true));
		assertThat(addressesOf(ann).get(1).defaultBilling()).isFalse();
	}

	@Test
	void theDefaultFlagsAreOneOrZeroTrueOrFalseYesOrNoInAnyCaseAndEmptyIsNo() throws IOException {
		var ann = customer();
		var bob = customer();

		var report = importFile(file(HEADER, row(ann, "Erste Straße", "", ""), row(ann, "Zweite Straße", "TRUE", "No"),
				row(ann, "Dritte Straße", "0", "Yes"), row(bob, "Vierte Straße", "false", "FALSE"),
				row(bob, "Fünfte Straße", "ja", "2")));

		assertThat(report.created()).isEqualTo(4);
		assertThat(addressesOf(ann)).extracting(AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.containsExactly(tuple(false, false), tuple(true, false), tuple(false, true));
		assertThat(addressesOf(bob)).extracting(AddressDetails::defaultBilling, AddressDetails::defaultShipping)
			.as("the first address is both defaults whatever its flags")
			.containsExactly(tuple(true, true));
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column, RowError::reason)
			.containsExactly(tuple(6L, "is_default_billing", "\"ja\" is not 1, 0, true, false, yes or no"),
					tuple(6L, "is_default_shipping", "\"2\" is not 1, 0, true, false, yes or no"));
	}

	@Test
	void aDryRunChecksEveryRowAgainstTheDatabaseAndWritesNothing() throws IOException {
		var ann = customer();

		var report = addressImport.importAddresses(
				file(HEADER, row(ann, "Erste Straße", "", ""), row(ann, "Zweite Straße", "1", "1"),
						"NOBODY--1,Mr,A,B,,Weg,1,,10115,Berlin,DE,,,"),
				new ImportOptions(true, false, dir.resolve("dry.csv")), ImportListener.NONE, AuditActor.console());

		assertThat(report.dryRun()).isTrue();
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.failed()).isOne();
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column, RowError::reason)
			.containsExactly(tuple(4L, "customer_reference", "no customer has the reference NOBODY--1"));
		assertThat(addressesOf(ann)).isEmpty();
	}

	@Test
	void everyKindOfBadRowIsReportedWithItsLineAndColumnAndTheGoodRowsAreImported() throws IOException {
		var ann = customer();
		var deleted = customer();
		customers.anonymize(deleted.id());
		var file = file(HEADER, row(ann, "Gute Straße", "", ""), // line 2: good
				row(ann, "Zweite Straße", "", "").replace(ann.reference().value(), ""), // 3
				row(ann, "Zweite Straße", "", "").replace(ann.reference().value(), "DE--X"), // 4
				row(ann, "Zweite Straße", "", "").replace(ann.reference().value(), "NOBODY--1"), // 5
				row(deleted, "Zweite Straße", "", ""), // 6 deleted account
				row(ann, "Zweite Straße", "", "").replace(",Mr,", ",Sir,"), // 7
																			// salutation
				row(ann, "Zweite Straße", "", "").replace(",Mr,", ",,"), // 8 no
																			// salutation
				row(ann, "Zweite Straße", "", "").replace(",Spencor,", ",,"), // 9 first
																				// name
				row(ann, "Zweite Straße", "", "").replace(",Berlin,", ",Bo,"), // 10 city
				row(ann, "Zweite Straße", "", "").replace(",10115,", ",1234567890123456,"), // 11
																							// zip
				row(ann, "Zweite Straße", "", "").replace(",DE,", ",Germany,"), // 12
																				// country
				row(ann, "Zweite Straße", "", "").replace(",spryker,", "," + "x".repeat(256) + ","), // 13
				row(ann, "Zweite Straße", "maybe", ""), // 14 flag
				row(ann, " Gute Straße ", "1", ""), // 15 the address of line 2 again
				ann.reference().value() + ",Mr,Spencor", // 16 too few columns
				row(ann, "Letzte Straße", "", "")); // 17 good

		var report = importFile(file);

		assertThat(report.created()).isEqualTo(2);
		assertThat(report.failed()).isEqualTo(14);
		assertThat(report.firstErrors()).extracting(RowError::line, RowError::column, RowError::reason)
			.containsExactly(tuple(3L, "customer_reference", "is empty"),
					tuple(4L, "customer_reference",
							"\"DE--X\" is not a customer reference: it must end with a number, such as DE--21"),
					tuple(7L, "salutation", "\"Sir\" is not one of Mr, Mrs, Ms, Dr"),
					tuple(8L, "salutation", "is empty; expected one of Mr, Mrs, Ms, Dr"),
					tuple(9L, "first_name", "is empty"), tuple(10L, "city", "is shorter than 3 characters"),
					tuple(11L, "zip_code", "is longer than 15 characters"),
					tuple(12L, "iso2_code",
							"\"Germany\" is not a two-letter country code (ISO 3166-1, upper case), such as DE"),
					tuple(13L, "company", "is longer than 255 characters"),
					tuple(14L, "is_default_billing", "\"maybe\" is not 1, 0, true, false, yes or no"),
					tuple(15L, RowError.WHOLE_ROW, "is the same address as line 2"),
					tuple(16L, RowError.WHOLE_ROW, "has 3 columns, expected 14"),
					tuple(5L, "customer_reference", "no customer has the reference NOBODY--1"),
					tuple(6L, "customer_reference",
							deleted.reference().value() + " belongs to a deleted (anonymised) account"));
		assertThat(Files.readAllLines(dir.resolve("errors.csv"))).first().isEqualTo("line,column,reason");
		assertThat(addressesOf(ann)).extracting(AddressDetails::address1)
			.containsExactly("Gute Straße", "Letzte Straße");
		assertThat(addressesOf(deleted)).isEmpty();
	}

	@Test
	void aFileWithAnotherHeaderIsRefusedBeforeAnythingIsWritten() throws IOException {
		var ann = customer();
		var good = row(ann, "Erste Straße", "", "");

		assertRefused(file(HEADER.replace(",company", ""), good), "Missing: company");
		assertRefused(file(HEADER.replace("is_default_billing", "default_billing"), good), "Unknown: default_billing");
		assertRefused(file(CustomerImportIntegrationTests.HEADER, good), "not the expected one");
		assertRefused(file(HEADER.replace(',', ';'), good.replace(',', ';')), "separated by ';'");
		assertThat(addressesOf(ann)).isEmpty();
	}

	private void assertRefused(Path file, String message) {
		assertThatExceptionOfType(ImportRefused.class).isThrownBy(() -> importFile(file))
			.withMessageContaining(message);
	}

}
