package io.clientele.platform;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When shoppers reach Clientele over https ({@code clientele.public-url}), the session
 * cookie is {@code Secure} and named {@code __Host-SESSION}: browsers then send it only
 * over https, and accept it only from this host, for every path ({@code Path=/}, no
 * {@code Domain}), so neither a network attacker nor a sibling subdomain can plant or
 * read it. Settings given explicitly win.
 */
class HttpsCookies implements EnvironmentPostProcessor {

	static final String SESSION_COOKIE = "__Host-SESSION";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!isHttps(environment.getProperty("clientele.public-url"))) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("clienteleHttpsCookies",
					Map.of("server.servlet.session.cookie.secure", "true", "server.servlet.session.cookie.name",
							SESSION_COOKIE, "server.servlet.session.cookie.path", "/")));
	}

	static boolean isHttps(String publicUrl) {
		return publicUrl != null && publicUrl.regionMatches(true, 0, "https://", 0, 8);
	}

}
