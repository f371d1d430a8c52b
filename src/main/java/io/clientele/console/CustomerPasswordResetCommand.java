package io.clientele.console;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.clientele.credentials.PasswordMailings;
import io.clientele.credentials.SendPasswordMails;
import picocli.CommandLine.Command;

/** {@code customer:password:reset}: Spryker's command, for every customer. */
@Component
@Profile("console")
@Command(name = "customer:password:reset", mixinStandardHelpOptions = true,
		description = {
				"Sends the forgot password email using a freshly generated password restore key to all customers "
						+ "filtered by criteria using command options.",
				"Each customer (deleted accounts excepted, blocked ones included) gets a new password-reset link, "
						+ "valid as clientele.credentials.reset.token-validity says (60 minutes by default); earlier "
						+ "unused links stop working. Passwords stay as they are until the customer chooses a new one.",
				"The mails are queued: a running Clientele server sends them." })
class CustomerPasswordResetCommand extends PasswordMailCommand {

	CustomerPasswordResetCommand(PasswordMailings mailings) {
		super(mailings);
	}

	@Override
	SendPasswordMails.Audience audience() {
		return SendPasswordMails.Audience.EVERYONE;
	}

}
