package io.clientele.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.clientele.credentials.LoginAttempt;
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
	StaffLogin login;

	@Test
	void anEmptyStaffTableGetsAnAdminWithTheConfiguredPassword() {
		var admin = staff.findByEmail(EmailAddress.of("admin@clientele.local")).orElseThrow();

		assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
		assertThat(login.attempt("admin@clientele.local", "Harbour-Kettle-Test-41", LoginAttempt.unknownClient()))
			.isInstanceOf(io.clientele.authentication.LoginOutcome.Succeeded.class);
		assertThat(login.attempt("admin@clientele.local", "Harbour-Kettle-Test-42", LoginAttempt.unknownClient()))
			.isInstanceOf(io.clientele.authentication.LoginOutcome.Failed.class);
	}

}
