package io.clientele.console;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the command named by the first argument and keeps its exit code for
 * {@code SpringApplication.exit}. Arguments of the form {@code --a.b=c} are Spring
 * settings (the database, the data directory) and are left to Spring.
 */
@Component
@Profile("console")
class ConsoleRunner implements ApplicationRunner, ExitCodeGenerator {

	/** Wrong arguments: picocli's own code for a usage error. */
	static final int USAGE = 2;

	private final List<ConsoleCommand> commands;

	private int exitCode;

	ConsoleRunner(List<ConsoleCommand> commands) {
		this.commands = commands;
	}

	@Override
	public void run(ApplicationArguments args) {
		exitCode = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
			.execute(commandArguments(args.getSourceArgs()));
	}

	CommandLine commandLine(PrintWriter out, PrintWriter err) {
		var root = new CommandLine(new Clientele());
		commands.forEach(root::addSubcommand);
		root.setOut(out);
		root.setErr(err);
		root.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			// A failure the command did not foresee: one line, no stack trace.
			commandLine.getErr().println("Error: " + ConsoleFailures.describe(ex));
			return 1;
		});
		return root;
	}

	static String[] commandArguments(String[] sourceArgs) {
		return Arrays.stream(sourceArgs).filter(arg -> !ConsoleArguments.isSpringSetting(arg)).toArray(String[]::new);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	@Command(name = "java -jar clientele.jar", mixinStandardHelpOptions = true,
			description = "Clientele's console commands. Settings such as --spring.datasource.url=… or "
					+ "--clientele.data-dir=… choose the database, as for the server.",
			subcommands = CommandLine.HelpCommand.class)
	static final class Clientele implements Runnable {

		@picocli.CommandLine.Spec
		@SuppressWarnings("NullAway.Init")
		CommandLine.Model.CommandSpec spec;

		@Override
		public void run() {
			spec.commandLine().usage(spec.commandLine().getOut());
		}

	}

}
