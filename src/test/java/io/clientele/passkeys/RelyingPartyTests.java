package io.clientele.passkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.webauthn4j.data.client.Origin;

import io.clientele.notification.PublicUrl;
import io.clientele.shared.ConfigurationProblem;

class RelyingPartyTests {

	static RelyingParty at(String publicUrl) {
		return new RelyingParty(new PublicUrl(publicUrl), new PasskeySettings("Shop", Duration.ofMinutes(5), 10));
	}

	@Test
	void isTheHostOfThePublicUrl() {
		assertThat(at("https://Shop.Example/store/").id()).isEqualTo("shop.example");
	}

	@Test
	void acceptsOnlyThePublicUrlsOriginOnAnyOtherHost() {
		var shop = at("https://shop.example");

		assertThat(shop.accepts(new Origin("https://shop.example"))).isTrue();
		assertThat(shop.accepts(new Origin("http://shop.example"))).as("another scheme").isFalse();
		assertThat(shop.accepts(new Origin("https://shop.example:8443"))).as("another port").isFalse();
		assertThat(shop.accepts(new Origin("https://login.shop.example"))).as("a subdomain").isFalse();
		assertThat(shop.accepts(new Origin("https://shop.example.evil"))).isFalse();
	}

	@Test
	void acceptsEveryPortOfLocalhostWhereBrowsersScopePasskeysToTheHost() {
		var development = at("http://localhost:8080");

		assertThat(development.accepts(new Origin("http://localhost:8080"))).isTrue();
		assertThat(development.accepts(new Origin("http://localhost:41234"))).isTrue();
		assertThat(development.accepts(new Origin("http://127.0.0.1:8080"))).as("an address, not the host").isFalse();
		assertThat(development.accepts(new Origin("https://localhost:8080"))).as("another scheme").isFalse();
	}

	@Test
	void refusesAPublicUrlWithoutHost() {
		assertThatThrownBy(() -> at("shop")).isInstanceOf(ConfigurationProblem.class);
	}

}
