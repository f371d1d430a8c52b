/**
 * The operators' command line: {@code java -jar clientele.jar customer:import FILE} and
 * friends. Commands are thin picocli adapters over {@code importing} and
 * {@code credentials}; the console profile starts no web server and sends no mail (the
 * web instance's dispatcher delivers what a command queues).
 */
@ApplicationModule(displayName = "Console",
		allowedDependencies = { "importing", "credentials", "customer", "audit", "shared" })
@NullMarked
package io.clientele.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
