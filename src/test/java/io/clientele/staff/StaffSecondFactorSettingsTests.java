package io.clientele.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code clientele.backoffice.mfa.*} as a shop writes it. */
class StaffSecondFactorSettingsTests {

	static StaffSecondFactorSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("clientele.backoffice.mfa",
				StaffSecondFactorSettings.class);
	}

	@Test
	void byDefaultAdminsMustHaveAnAppAndSupportStaffMay() {
		var settings = bind(Map.of());

		assertThat(settings.of(StaffRole.ADMIN)).isEqualTo(SecondFactorRequirement.REQUIRED);
		assertThat(settings.of(StaffRole.SUPPORT)).isEqualTo(SecondFactorRequirement.OPTIONAL);
	}

	@Test
	void eachRoleIsSetOnItsOwnInLowerCase() {
		var settings = bind(
				Map.of("clientele.backoffice.mfa.admin", "optional", "clientele.backoffice.mfa.support", "required"));

		assertThat(settings.of(StaffRole.ADMIN)).isEqualTo(SecondFactorRequirement.OPTIONAL);
		assertThat(settings.of(StaffRole.SUPPORT)).isEqualTo(SecondFactorRequirement.REQUIRED);
	}

	@Test
	void anUnknownValueStopsTheStart() {
		assertThatThrownBy(() -> bind(Map.of("clientele.backoffice.mfa.admin", "sometimes")))
			.hasMessageContaining("clientele.backoffice.mfa.admin");
	}

}
