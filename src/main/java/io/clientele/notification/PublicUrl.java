package io.clientele.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * @param publicUrl where shoppers reach Clientele: the base of every link in an e-mail
 */
@ConfigurationProperties("clientele")
public record PublicUrl(@DefaultValue("http://localhost:8080") String publicUrl) {

	/** The absolute link to a path with one query parameter, e.g. a token. */
	String link(String path, String parameter, String value) {
		return UriComponentsBuilder.fromUriString(publicUrl)
			.path(path)
			.queryParam(parameter, value)
			.build()
			.encode()
			.toUriString();
	}

	String link(String path) {
		return UriComponentsBuilder.fromUriString(publicUrl).path(path).build().encode().toUriString();
	}

}
