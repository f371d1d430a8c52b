package io.clientele.staff;

import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.clientele.credentials.PasswordPolicy;
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

	private static final int GENERATED_LENGTH = 20;

	private static final String DISPLAY_NAME = "Administrator";

	private final StaffAccounts staff;

	private final BootstrapAdminSettings settings;

	private final MessageSource messages;

	private final PasswordPolicy policy;

	BootstrapAdmin(StaffAccounts staff, BootstrapAdminSettings settings, MessageSource messages,
			PasswordPolicy policy) {
		this.policy = policy;
		this.staff = staff;
		this.settings = settings;
		this.messages = messages;
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
		var password = configured != null && !configured.isBlank() ? configured : generatePassword(email);
		try {
			if (staff.createFirstAdmin(email, DISPLAY_NAME, password).isEmpty()) {
				// another node starting at the same time was first
				return;
			}
		}
		catch (InvalidInput ex) {
			throw new ConfigurationProblem(
					"clientele.bootstrap-admin.password breaks the password policy: " + sentences(ex) + ".",
					"Choose another password, or leave it out to have one generated.");
		}
		log.info("Created the bootstrap back-office admin");
		if (configured == null || configured.isBlank()) {
			// Straight to the console, never to the log: log files are kept and shipped.
			System.out.printf("%n  Back-office admin created: %s%n  Password (shown only this once): %s%n%n",
					email.value(), password);
		}
	}

	// The policy draws until a password passes the staff rules (three equal characters
	// in a row, a part of the address), as for customers' generated passwords.
	String generatePassword(EmailAddress email) {
		try {
			return policy.generate(GENERATED_LENGTH,
					password -> staff
						.problemsWith(new CreateStaffMember(email.value(), DISPLAY_NAME, StaffRole.ADMIN, password))
						.stream()
						.noneMatch(violation -> violation.field().equals("password")));
		}
		catch (PasswordPolicy.NoGeneratedPasswordFits ex) {
			throw new ConfigurationProblem(ex.getMessage() + ".",
					"Relax the policy, or set --clientele.bootstrap-admin.password to a password it accepts.");
		}
	}

	// The operator reads the start-up report in English, as the policy's messages say it.
	private String sentences(InvalidInput ex) {
		return ex.violations()
			.stream()
			.map(v -> messages.getMessage(v.messageKey(), v.arguments().toArray(), v.messageKey(), Locale.ENGLISH))
			.map(sentence -> sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence)
			.collect(Collectors.joining("; "));
	}

}
