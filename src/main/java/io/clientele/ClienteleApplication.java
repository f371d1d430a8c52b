package io.clientele;

import java.time.Clock;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * Clientele: customer accounts and password management for online shops, one modular
 * monolith.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class ClienteleApplication {

	/**
	 * Starts the server, or, when the first argument names a command
	 * ({@code customer:import FILE}), runs that command without a web server and exits
	 * with its status.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && !args[0].startsWith("-")) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(ClienteleApplication.class, args);
	}

	/** Runs a console command and returns its exit code. */
	public static int runCommand(String... args) {
		try {
			var context = new SpringApplicationBuilder(ClienteleApplication.class).profiles("console")
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.run(args);
			return SpringApplication.exit(context);
		}
		catch (RuntimeException startFailed) {
			// Spring Boot has reported why (a failure analysis or the error); no second
			// report.
			return 1;
		}
	}

	/** Every module takes the time from here, so tests can fix it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
