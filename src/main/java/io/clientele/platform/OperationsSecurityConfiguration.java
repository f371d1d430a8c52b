package io.clientele.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The operations endpoints: health is open for load balancers; Prometheus metrics (which
 * tell how many logins fail, how busy the hashing is) only on the management port when
 * {@code management.server.port} is set, else to the addresses of
 * {@code clientele.operations.metrics-allowed} (loopback by default); every other
 * actuator endpoint is closed.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain operationsSecurity(HttpSecurity http, OperationsSettings settings,
			@Value("${management.server.port:-1}") int managementPort) throws Exception {
		var allowed = AddressRange.parseAll(settings.metricsAllowed(), "clientele.operations.metrics-allowed");
		AuthorizationManager<RequestAuthorizationContext> scrapers = (authentication,
				context) -> new AuthorizationDecision(
						managementPort > 0 && context.getRequest().getLocalPort() == managementPort
								|| AddressRange.anyContains(allowed, context.getRequest().getRemoteAddr()));
		return http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.access(scrapers)
				.anyRequest()
				.denyAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

}
