package io.clientele.importing;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;

/**
 * Fills an empty database with confirmed demo customers (references DE--1 to DE--20 with
 * the default prefix), all with the password in the README.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	static final String DEFAULT_PASSWORD = "Kettle-Blue-Harbour-7";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoDataSettings settings;

	private final CustomerManagement customers;

	private final SignUp signUp;

	private final boolean embeddedDatabase;

	DemoData(DemoDataSettings settings, CustomerManagement customers, SignUp signUp, Environment environment) {
		this.settings = settings;
		this.customers = customers;
		this.signUp = signUp;
		// the platform starts its embedded PostgreSQL exactly when no URL is configured
		this.embeddedDatabase = !org.springframework.util.StringUtils
			.hasText(environment.getProperty("spring.datasource.url"));
	}

	@Override
	public void run(ApplicationArguments args) {
		// A shop's database never gets twenty made-up customers with a published password
		// by forgetting a setting: only the embedded one, or when asked for.
		if (!settings.wanted(embeddedDatabase) || customers.anyExist()) {
			return;
		}
		for (var customer : CUSTOMERS) {
			signUp.register(customer.toCommand(), settings.demoPassword());
		}
		log.info("Loaded {} demo customers", CUSTOMERS.size());
	}

	private record DemoCustomer(String salutation, String firstName, String lastName, String email,
			@Nullable String gender, @Nullable LocalDate dateOfBirth, @Nullable String phone, @Nullable String company,
			String locale) {

		RegisterCustomer toCommand() {
			return new RegisterCustomer(salutation, firstName, lastName, email, gender, dateOfBirth, phone, company,
					locale, true);
		}

	}

	private static final List<DemoCustomer> CUSTOMERS = List.of(
			new DemoCustomer("Mr", "Spencor", "Hopkin", "spencor.hopkin@example.com", "Male", LocalDate.of(1982, 3, 14),
					"+49 30 1234561", "Spryker Systems GmbH", "en_US"),
			new DemoCustomer("Ms", "Sonia", "Wagner", "sonia.wagner@example.com", "Female", LocalDate.of(1990, 7, 2),
					"+49 30 1234562", null, "de_DE"),
			new DemoCustomer("Mr", "Karl", "Schmidt", "karl.schmidt@example.com", "Male", LocalDate.of(1975, 11, 23),
					"+49 89 5550101", "Schmidt Werkzeuge KG", "de_DE"),
			new DemoCustomer("Mrs", "Maria", "Williams", "maria.williams@example.com", "Female",
					LocalDate.of(1968, 1, 30), "+44 20 79460001", null, "en_US"),
			new DemoCustomer("Dr", "Anne", "Boleyn", "anne.boleyn@example.com", "Female", null, null,
					"Tudor Medical Ltd", "en_US"),
			new DemoCustomer("Mr", "Jonas", "Becker", "jonas.becker@example.com", "Male", LocalDate.of(1995, 5, 17),
					"+49 40 3330202", null, "de_DE"),
			new DemoCustomer("Ms", "Lena", "Fischer", "lena.fischer@example.com", "Female", LocalDate.of(1988, 9, 9),
					null, "Fischer & Söhne GmbH", "de_DE"),
			new DemoCustomer("Mr", "Oliver", "Brown", "oliver.brown@example.com", "Male", null, "+1 212 5550143", null,
					"en_US"),
			new DemoCustomer("Mrs", "Emma", "Johnson", "emma.johnson@example.com", "Female", LocalDate.of(1979, 12, 1),
					"+1 415 5550188", "Johnson Outdoor Inc.", "en_US"),
			new DemoCustomer("Mr", "Lukas", "Wolf", "lukas.wolf@example.com", null, null, null, null, "de_DE"),
			new DemoCustomer("Ms", "Sophie", "Keller", "sophie.keller@example.com", "Female", LocalDate.of(2001, 4, 21),
					"+49 221 7770303", null, "de_DE"),
			new DemoCustomer("Dr", "Thomas", "Meyer", "thomas.meyer@example.com", "Male", LocalDate.of(1965, 6, 6),
					"+49 711 4440404", "Praxis Dr. Meyer", "de_DE"),
			new DemoCustomer("Mr", "James", "Taylor", "james.taylor@example.com", "Male", LocalDate.of(1992, 8, 15),
					null, null, "en_US"),
			new DemoCustomer("Mrs", "Charlotte", "Davies", "charlotte.davies@example.com", "Female", null,
					"+44 161 4960000", "Davies Interiors", "en_US"),
			new DemoCustomer("Mr", "Felix", "Hoffmann", "felix.hoffmann@example.com", "Male", LocalDate.of(1986, 2, 28),
					"+49 69 2220505", null, "de_DE"),
			new DemoCustomer("Ms", "Hannah", "Schulz", "hannah.schulz@example.com", null, LocalDate.of(1999, 10, 10),
					null, null, "de_DE"),
			new DemoCustomer("Mr", "William", "Evans", "william.evans@example.com", "Male", null, "+44 29 20180000",
					"Evans Bikes Ltd", "en_US"),
			new DemoCustomer("Mrs", "Julia", "Schneider", "julia.schneider@example.com", "Female",
					LocalDate.of(1972, 3, 3), "+49 351 8880606", null, "de_DE"),
			new DemoCustomer("Mr", "Noah", "Wilson", "noah.wilson@example.com", "Male", LocalDate.of(2003, 1, 19), null,
					null, "en_US"),
			new DemoCustomer("Ms", "Mia", "Richter", "mia.richter@example.com", "Female", LocalDate.of(1994, 7, 27),
					"+49 341 9990707", "Richter Design", "de_DE"));

}
