package io.clientele.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.clientele.audit.AuditActor;
import io.clientele.credentials.PasswordMailings;
import io.clientele.credentials.SendPasswordMails;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code customer:password:set} and {@code customer:password:reset} share: Spryker's
 * options, the question before sending and the progress.
 */
abstract class PasswordMailCommand implements ConsoleCommand {

	private final PasswordMailings mailings;

	@Spec
	@SuppressWarnings("NullAway.Init")
	CommandSpec spec;

	// Explicit defaults: picocli takes a field's current value as its initial one, and
	// the command beans are singletons that may run more than once in one context.
	@Option(names = { "-f", "--force" }, defaultValue = "false", description = "send without asking for confirmation")
	boolean force;

	@Option(names = "--no-token", defaultValue = "false",
			description = "leave out customers who hold a password link that still works (unused and unexpired)")
	boolean noToken;

	@Option(names = "--store", paramLabel = "STORE",
			description = "accepted for compatibility with Spryker's command and ignored: Clientele serves one store")
	@Nullable String store;

	PasswordMailCommand(PasswordMailings mailings) {
		this.mailings = mailings;
	}

	abstract SendPasswordMails.Audience audience();

	@Override
	public Integer call() {
		var out = spec.commandLine().getOut();
		var command = new SendPasswordMails(audience(), noToken, AuditActor.console());
		var affected = mailings.countRecipients(command);
		if (affected == 0) {
			out.println("No customer is affected. Nothing sent.");
			return 0;
		}
		if (!force && !confirmed(affected, out)) {
			out.println("Nothing sent.");
			return 0;
		}
		var progress = ProgressBar.onTerminal(out, "emails");
		var queued = new java.util.concurrent.atomic.AtomicLong();
		long sent;
		try {
			sent = mailings.send(command, done -> {
				queued.set(done);
				progress.items(done, affected);
			});
		}
		catch (RuntimeException failure) {
			progress.done();
			spec.commandLine()
				.getErr()
				.println(String.format(Locale.ROOT,
						"Stopped by an error after %d of %d emails were queued: %s%nRun the command again with"
								+ " --no-token to mail only the customers who have no working link yet.",
						queued.get(), affected, ConsoleFailures.describe(failure)));
			return 1;
		}
		progress.done();
		out.println(String.format(Locale.ROOT, "%d out of %d emails sent", sent, affected));
		out.println("They are queued: a running Clientele with spring.mail.host set sends them.");
		return 0;
	}

	/**
	 * Spryker's question, with its default: anything but "y" or "yes" (an empty line, the
	 * end of the input) is a no. The answer comes from the terminal or, without one, from
	 * standard input ({@code echo y | …}).
	 */
	private boolean confirmed(long affected, PrintWriter out) {
		out.print(affected + " customers in the database will be affected. Do you want to continue? [Y/n] ");
		out.flush();
		String answer;
		try {
			// not closed: standard input belongs to the process
			answer = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!Terminal.interactive()) {
			// what a person would have typed, so that a log reads like a session
			out.println(answer == null ? "" : answer);
		}
		if (answer == null) {
			return false;
		}
		var normalized = answer.strip().toLowerCase(Locale.ROOT);
		return normalized.equals("y") || normalized.equals("yes");
	}

}
