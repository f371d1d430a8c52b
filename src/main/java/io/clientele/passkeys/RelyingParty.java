package io.clientele.passkeys;

import java.net.URI;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;

import io.clientele.notification.PublicUrl;
import io.clientele.shared.ConfigurationProblem;

/**
 * Clientele as WebAuthn relying party: its id is the host of the public URL, and a
 * browser must report the public URL's origin. On {@code localhost} every port counts, as
 * browsers scope a passkey to the host alone (development and tests run on random ports);
 * any other host must match scheme, host and port exactly.
 */
@Component
class RelyingParty {

	private final String id;

	private final Origin origin;

	private final String name;

	RelyingParty(PublicUrl publicUrl, PasskeySettings settings) {
		var uri = URI.create(publicUrl.publicUrl());
		if (uri.getHost() == null || uri.getScheme() == null) {
			throw new ConfigurationProblem("clientele.public-url has no host: " + publicUrl.publicUrl(),
					"Set clientele.public-url to the address shoppers use, e.g. https://shop.example.");
		}
		this.id = uri.getHost().toLowerCase(Locale.ROOT);
		this.origin = new Origin(uri.getScheme() + "://" + uri.getRawAuthority());
		this.name = settings.relyingPartyName();
	}

	String id() {
		return id;
	}

	String name() {
		return name;
	}

	ServerProperty expecting(byte[] challenge) {
		return ServerProperty.builder()
			.originPredicate(this::accepts)
			.rpId(id)
			.challenge(new DefaultChallenge(challenge))
			.build();
	}

	boolean accepts(Origin reported) {
		if (reported.equals(origin)) {
			return true;
		}
		return "localhost".equals(id) && "localhost".equalsIgnoreCase(reported.getHost())
				&& reported.getScheme() != null && reported.getScheme().equalsIgnoreCase(origin.getScheme());
	}

}
