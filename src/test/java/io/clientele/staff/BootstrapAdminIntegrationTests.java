package io.clientele.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.clientele.credentials.StaffCredentials;
import io.clientele.shared.EmailAddress;

/**
 * The test suite configures clientele.bootstrap-admin.password (see
 * TestDatabaseContextCustomizerFactory).
 */
@SpringBootTest
class BootstrapAdminIntegrationTests {

	@Autowired
	StaffAccounts staff;

	@Autowired
	StaffCredentials credentials;

	@Test
	void anEmptyStaffTableGetsAnAdminWithTheConfiguredPassword() {
		var admin = staff.findByEmail(EmailAddress.of("admin@clientele.local")).orElseThrow();

		assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
		assertThat(credentials.verify(admin.id(), "Harbour-Kettle-Test-41")).isTrue();
		assertThat(credentials.verify(admin.id(), "Harbour-Kettle-Test-42")).isFalse();
	}

}
