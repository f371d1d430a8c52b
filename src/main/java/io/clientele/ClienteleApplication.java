package io.clientele;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
public class ClienteleApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClienteleApplication.class, args);
	}

	/** Every module takes the time from here, so tests can fix it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
