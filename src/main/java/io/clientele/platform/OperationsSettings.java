package io.clientele.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param metricsAllowed the clients (addresses or CIDR ranges, IPv4 and IPv6) that may
 * read {@code /actuator/prometheus} on the application's port; with
 * {@code management.server.port} set, that port serves it to anyone who reaches it
 */
@ConfigurationProperties("clientele.operations")
public record OperationsSettings(@DefaultValue( {
		"127.0.0.0/8", "::1/128" }) List<String> metricsAllowed){
}
