package io.clientele.console;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.clientele.credentials.PasswordMailings;
import io.clientele.credentials.SendPasswordMails;
import picocli.CommandLine.Command;

/** {@code customer:password:set}: Spryker's command, for customers without a password. */
@Component
@Profile("console")
@Command(name = "customer:password:set", mixinStandardHelpOptions = true,
		description = {
				"Sends the forgot password email to all customers that have an empty password inside the database.",
				"Each customer without a password (deleted accounts excepted, blocked ones included) gets a new link "
						+ "to choose one, valid 72 hours; earlier unused links stop working.",
				"The mails are queued: a running Clientele server sends them." })
class CustomerPasswordSetCommand extends PasswordMailCommand {

	CustomerPasswordSetCommand(PasswordMailings mailings) {
		super(mailings);
	}

	@Override
	SendPasswordMails.Audience audience() {
		return SendPasswordMails.Audience.WITHOUT_PASSWORD;
	}

}
