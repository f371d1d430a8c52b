package io.clientele.staff;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;

/** Creates the first admin on a database without staff, so that someone can log in. */
@Component
@Order(0)
// The console never prints a password: the server's first start creates the admin.
@org.springframework.context.annotation.Profile("!console")
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	// No 0/O, 1/l/I: the printed password is read and typed by a person.
	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int GENERATED_LENGTH = 20;

	private final StaffAccounts staff;

	private final BootstrapAdminSettings settings;

	BootstrapAdmin(StaffAccounts staff, BootstrapAdminSettings settings) {
		this.staff = staff;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (staff.anyExist()) {
			return;
		}
		if (EmailAddress.problemWith(settings.email()).isPresent()) {
			throw new ConfigurationProblem("clientele.bootstrap-admin.email is not a valid e-mail address.",
					"Set --clientele.bootstrap-admin.email to the address the first admin logs in with.");
		}
		var email = EmailAddress.of(settings.email());
		var configured = settings.password();
		var password = configured != null && !configured.isBlank() ? configured : generatePassword();
		try {
			staff.create(email, "Administrator", StaffRole.ADMIN, password);
		}
		catch (InvalidInput ex) {
			throw new ConfigurationProblem(
					"clientele.bootstrap-admin.password breaks the password policy: "
							+ ex.violations().stream().map(v -> v.messageKey() + v.arguments()).toList() + ".",
					"Choose a password of 12 to 128 characters, or leave it out to have one generated.");
		}
		log.info("Created the bootstrap back-office admin");
		if (configured == null || configured.isBlank()) {
			// Straight to the console, never to the log: log files are kept and shipped.
			System.out.printf("%n  Back-office admin created: %s%n  Password (shown only this once): %s%n%n",
					email.value(), password);
		}
	}

	private static String generatePassword() {
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < GENERATED_LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
