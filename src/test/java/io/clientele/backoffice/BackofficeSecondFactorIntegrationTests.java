package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.multifactor.FactorActivation;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.FactorVerification;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.multifactor.SecondFactors;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.staff.StaffSummary;
import io.clientele.support.Accounts;
import io.clientele.support.AuthenticatorApp;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/**
 * Staff second factors over real HTTP with the default settings (an authenticator app
 * required for admins, optional for support): the login's second step and the attacks on
 * it, the security page, and admins removing the second factors of customers and staff.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeSecondFactorIntegrationTests {

	static final String PASSWORD = BackofficeLogins.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	SecondFactors factors;

	@Autowired
	SignUp signUp;

	/** An admin who enrolled their app at a first login, now logged out. */
	StaffSummary enrolledAdmin() {
		var admin = BackofficeLogins.newAdmin(staff);
		BackofficeLogins.signIn(new WebClient(port), admin.email().value(), PASSWORD);
		return admin;
	}

	WebClient signedIn(StaffSummary member) {
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, member.email().value(), PASSWORD);
		return browser;
	}

	/** A browser past the password of the staff member, at the second step. */
	WebClient atTheCodeStep(StaffSummary member) {
		var browser = new WebClient(port);
		var answer = BackofficeLogins.submitPassword(browser, member.email().value(), PASSWORD);
		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login/code"));
		browser.get("/backoffice/login/code");
		return browser;
	}

	WebClient.Page typeCode(WebClient browser, String code) {
		return browser.post("/backoffice/login/code", Map.of("code", code));
	}

	CustomerDetails customerWithAnApp() {
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var owner = FactorOwner.customer(customer);
		var enrolment = (FactorActivation.TotpEnrolment) factors.activate(owner, FactorType.TOTP,
				SecondFactorProof.none());
		assertThat(
				factors.verifyActivation(owner, FactorType.TOTP, new AuthenticatorApp(enrolment.secret()).nextCode()))
			.isInstanceOf(FactorVerification.Enabled.class);
		return customer;
	}

	static String location(WebClient.Page page) {
		return page.location().orElse("");
	}

	@Test
	void theBootstrapAdminMustEnrolAnAppAtTheFirstLoginByDefault() {
		var browser = new WebClient(port);

		var answer = BackofficeLogins.submitPassword(browser, "admin@clientele.local", "Harbour-Kettle-Test-41");

		assertThat(location(answer)).endsWith("/backoffice/login/enrol");
		assertThat(location(browser.get("/backoffice/customers"))).endsWith("/backoffice/login/enrol");
		assertThat(location(browser.get("/backoffice"))).endsWith("/backoffice/login/enrol");
	}

	@Test
	void anAdminWithoutAnAppCannotOpenAnyPageBeforeEnrolling() {
		var admin = BackofficeLogins.newAdmin(staff);
		var browser = new WebClient(port);
		BackofficeLogins.submitPassword(browser, admin.email().value(), PASSWORD);

		for (var path : new String[] { "/backoffice", "/backoffice/customers", "/backoffice/staff",
				"/backoffice/security", "/backoffice/login/code", "/backoffice/activity" }) {
			assertThat(location(browser.get(path))).as(path).endsWith("/backoffice/login/enrol");
		}
		var enrol = browser.get("/backoffice/login/enrol");
		assertThat(enrol.status()).isEqualTo(200);
		assertThat(enrol.body()).contains("id=\"totp-secret\"")
			.contains("src=\"data:image/svg+xml;base64,")
			.contains("Your role requires a second factor");
		assertThat(browser.get("/backoffice/login/enrol").body()).as("a reload shows the same key")
			.contains(enrol.body().split("id=\"totp-secret\">")[1].split("<")[0]);
	}

	@Test
	void skippingTheCodeStepByGoingStraightToABackOfficeAddressLandsOnThePrompt() {
		var admin = enrolledAdmin();
		var customer = Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail());
		var browser = atTheCodeStep(admin);

		var list = browser.get("/backoffice/customers");
		var page = browser.get("/backoffice/customers/" + customer.reference().value());
		var block = browser.post("/backoffice/customers/" + customer.reference().value() + "/block",
				Map.of("blocked", "true"));
		var enrolAgain = browser.get("/backoffice/login/enrol");

		assertThat(list.status()).isEqualTo(302);
		assertThat(location(list)).endsWith("/backoffice/login/code");
		assertThat(list.body()).doesNotContain(customer.email().value());
		assertThat(location(page)).endsWith("/backoffice/login/code");
		assertThat(location(block)).endsWith("/backoffice/login/code");
		assertThat(location(enrolAgain)).as("no new app past the password alone").endsWith("/backoffice/login/code");
		assertThat(browser.get("/backoffice/login/code").body()).doesNotContain("id=\"nav-dashboard\"");
		assertThat(staff.find(admin.id())).isPresent();
		assertThat(signedIn(admin).get("/backoffice/customers/" + customer.reference().value()).body())
			.as("the attempt changed nothing")
			.doesNotContain("badge text-bg-secondary\" id=\"status\">blocked");
	}

	@Test
	void theSessionIdChangesWhenTheCodeCompletesTheLoginAndTheOldOneIsNoLogin() {
		var admin = enrolledAdmin();
		var browser = atTheCodeStep(admin);
		var pendingSession = browser.cookie("SESSION").orElseThrow();

		var answer = typeCode(browser, BackofficeLogins.appOf(admin.email().value()).nextCode());

		assertThat(location(answer)).endsWith("/backoffice");
		var signedInSession = browser.cookie("SESSION").orElseThrow();
		assertThat(signedInSession).isNotEqualTo(pendingSession);
		assertThat(browser.get("/backoffice").status()).isEqualTo(200);
		var stolen = new WebClient(port).header("Cookie", "SESSION=" + pendingSession);
		assertThat(location(stolen.get("/backoffice"))).endsWith("/backoffice/login");
	}

	@Test
	void aStaffMemberWhoAbandonsTheSecondStepIsNotLoggedIn() {
		var admin = enrolledAdmin();
		var browser = atTheCodeStep(admin);

		browser.post("/backoffice/logout", Map.of());

		assertThat(location(browser.get("/backoffice"))).endsWith("/backoffice/login");
		assertThat(location(browser.get("/backoffice/login/code"))).endsWith("/backoffice/login");
		assertThat(location(BackofficeLogins.submitPassword(browser, admin.email().value(), PASSWORD)))
			.as("the next login asks for the code again")
			.endsWith("/backoffice/login/code");
	}

	@Test
	void aReplayedAppCodeIsRefusedAtLogin() {
		var admin = enrolledAdmin();
		var first = atTheCodeStep(admin);
		var code = BackofficeLogins.appOf(admin.email().value()).nextCode();
		assertThat(location(typeCode(first, code))).endsWith("/backoffice");

		var second = atTheCodeStep(admin);
		var replay = typeCode(second, code);

		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body()).contains("That code is wrong or was used already. Attempts left: 2.");
		assertThat(location(second.get("/backoffice"))).endsWith("/backoffice/login/code");
	}

	@Test
	void threeWrongCodesResetTheLoginAndRepeatedResetsLockTheSecondStep() {
		var admin = enrolledAdmin();
		var app = BackofficeLogins.appOf(admin.email().value());
		var browser = atTheCodeStep(admin);

		var malformed = typeCode(browser, "12ab");
		var first = typeCode(browser, app.wrongCode());
		var second = typeCode(browser, app.wrongCode());
		var third = typeCode(browser, app.wrongCode());

		assertThat(malformed.body()).as("not counted").contains("That is not a code");
		assertThat(first.body()).contains("Attempts left: 2.");
		assertThat(second.body()).contains("Attempts left: 1.");
		assertThat(location(third)).endsWith("/backoffice/login?reset");
		assertThat(browser.follow(third).body()).contains("Too many wrong codes. Please log in again.");
		assertThat(location(browser.get("/backoffice"))).as("the password comes again").endsWith("/backoffice/login");

		WebClient.Page locked = null;
		for (var round = 0; round < 2; round++) {
			var again = atTheCodeStep(admin);
			for (var attempt = 0; attempt < 3; attempt++) {
				locked = typeCode(again, app.wrongCode());
			}
		}
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.body()).contains("The second step is locked after too many wrong codes")
			.contains("in 15 minutes");
		var afterLock = typeCode(atTheCodeStep(admin), app.currentCode());
		assertThat(afterLock.status()).as("even the right code waits").isEqualTo(429);
	}

	@Test
	void aRecoveryCodeSignsInOnceAndTheOwnerIsToldByMail() {
		var admin = enrolledAdmin();
		var email = admin.email().value();
		var recoveryCode = BackofficeLogins.recoveryCodesOf(email).getFirst();
		assertThat(BackofficeLogins.recoveryCodesOf(email)).hasSize(10);
		var browser = atTheCodeStep(admin);

		var answer = typeCode(browser, recoveryCode.toUpperCase());

		assertThat(location(answer)).endsWith("/backoffice");
		assertThat(browser.follow(answer).body()).contains("You signed in with a recovery code; 9 are left.");
		assertThat(TestMailServer.bodyOf(TestMailServer.mailTo(email, "A recovery code was used"))).contains("9");
		var again = typeCode(atTheCodeStep(admin), recoveryCode);
		assertThat(again.body()).contains("That code is wrong or was used already.");
	}

	@Test
	void supportStaffCanSignInWithThePasswordAloneAndSetUpAnAppThatTheLoginThenAsksFor() {
		var support = BackofficeLogins.newMember(staff, StaffRole.SUPPORT, "Sam Support");
		var email = support.email().value();
		var browser = new WebClient(port);
		assertThat(location(BackofficeLogins.submitPassword(browser, email, PASSWORD))).endsWith("/backoffice");
		assertThat(browser.get("/backoffice/security").body()).contains("id=\"mfa-status\">Off<");

		var enrol = browser.get("/backoffice/security/enrol");
		var app = new AuthenticatorApp(enrol.body().split("id=\"totp-secret\">")[1].split("<")[0]);
		var wrong = browser.post("/backoffice/security/enrol", Map.of("code", app.wrongCode()));
		var codes = browser.post("/backoffice/security/enrol", Map.of("code", app.nextCode()));

		assertThat(wrong.body()).contains("Attempts left: 2.").contains("id=\"totp-secret\"");
		assertThat(codes.body()).contains("id=\"recovery-codes\"")
			.contains("download=\"clientele-recovery-codes.txt\"");
		assertThat(codes.body().split("class=\"recovery-code\"", -1)).hasSize(11);
		assertThat(TestMailServer.mailTo(email, "A sign-in method was added")).isNotNull();
		BackofficeLogins.remember(email, app);
		var next = atTheCodeStep(support);
		assertThat(location(typeCode(next, app.nextCode()))).endsWith("/backoffice");

		next.get("/backoffice/security");
		var refused = next.post("/backoffice/security/turn-off", Map.of("code", app.wrongCode()));
		assertThat(next.follow(refused).body()).contains("That code is wrong");
		next.get("/backoffice/security");
		var off = next.post("/backoffice/security/turn-off", Map.of("code", app.nextCode()));
		assertThat(next.follow(off).body()).contains("The authenticator app is off.")
			.contains("id=\"mfa-status\">Off<");
		assertThat(factors.staffEnabled(support.id())).isFalse();
		assertThat(location(BackofficeLogins.submitPassword(new WebClient(port), email, PASSWORD)))
			.endsWith("/backoffice");
	}

	@Test
	void anAdminCannotTurnTheRequiredAppOffButRenewsRecoveryCodesWithACurrentCode() {
		var admin = enrolledAdmin();
		var email = admin.email().value();
		var app = BackofficeLogins.appOf(email);
		var oldRecoveryCode = BackofficeLogins.recoveryCodesOf(email).getFirst();
		var browser = signedIn(admin);

		var page = browser.get("/backoffice/security");
		assertThat(page.body()).contains("id=\"recovery-codes-left\">10<")
			.contains("Your role requires an authenticator app")
			.doesNotContain("id=\"turn-off\"");
		var turnOff = browser.post("/backoffice/security/turn-off", Map.of("code", app.currentCode()));
		assertThat(browser.follow(turnOff).body()).contains("Your role requires an authenticator app: it cannot be");
		assertThat(factors.staffEnabled(admin.id())).isTrue();

		browser.get("/backoffice/security");
		var withoutCode = browser.post("/backoffice/security/recovery-codes", Map.of("code", ""));
		assertThat(browser.follow(withoutCode).body()).contains("Please enter the code.");
		browser.get("/backoffice/security");
		var renewed = browser.post("/backoffice/security/recovery-codes", Map.of("code", app.nextCode()));
		assertThat(renewed.body()).contains("id=\"recovery-codes\"").doesNotContain(oldRecoveryCode);
		assertThat(typeCode(atTheCodeStep(admin), oldRecoveryCode).body()).as("the old set is void")
			.contains("That code is wrong or was used already.");
		var activity = browser.get("/backoffice/activity?type=RECOVERY_CODES_REGENERATED&actor=" + email);
		assertThat(activity.body()).contains("Recovery codes renewed");
		assertThat(browser.get("/backoffice/activity?type=MFA_ENABLED&actor=" + email).body())
			.contains("Second factor turned on")
			.contains("totp");
	}

	@Test
	void anAdminRemovesACustomersSecondFactorsTheCustomerIsToldByMailAndTheAuditShowsIt() {
		var customer = customerWithAnApp();
		var page = "/backoffice/customers/" + customer.reference().value();
		var admin = enrolledAdmin();
		var browser = signedIn(admin);

		var details = browser.get(page + "/login-details");
		assertThat(details.body()).contains("Authenticator app: on").contains("id=\"remove-second-factors\"");
		assertThat(browser.get(page + "/second-factors/remove").body()).contains("Remove the second factors of");
		var removed = browser.post(page + "/second-factors/remove", Map.of());

		assertThat(location(removed)).endsWith(page + "/login-details");
		assertThat(browser.follow(removed).body())
			.contains("The second factors were removed; the customer was told by mail.")
			.doesNotContain("id=\"remove-second-factors\"");
		assertThat(factors.customerEnabled(customer.id().value())).isFalse();
		assertThat(TestMailServer.mailTo(customer.email().value(), "Your second sign-in step was removed")).isNotNull();
		assertThat(browser.get(page + "/activity").body()).contains("Second factors removed")
			.contains(admin.email().value());
		assertThat(browser.get("/backoffice/activity?type=MFA_REMOVED&customer=" + customer.reference().value()).body())
			.contains("Second factors removed");
		browser.get(page + "/login-details");
		assertThat(browser.follow(browser.post(page + "/second-factors/remove", Map.of())).body())
			.contains("The customer has no second factors.");
	}

	@Test
	void supportStaffPostingTheRemoveActionIsRefusedAndNothingChanges() {
		var customer = customerWithAnApp();
		var page = "/backoffice/customers/" + customer.reference().value();
		var admin = enrolledAdmin();
		var support = new WebClient(port);
		BackofficeLogins.signIn(support,
				BackofficeLogins.newMember(staff, StaffRole.SUPPORT, "Sam Support").email().value(), PASSWORD);

		var details = support.get(page + "/login-details");
		var confirm = support.get(page + "/second-factors/remove");
		support.get(page + "/login-details");
		var removeCustomer = support.post(page + "/second-factors/remove", Map.of());
		support.get("/backoffice");
		var removeStaff = support.post("/backoffice/staff/" + admin.id() + "/second-factors/remove", Map.of());

		assertThat(details.body()).contains("Authenticator app: on").doesNotContain("id=\"remove-second-factors\"");
		assertThat(confirm.status()).isEqualTo(403);
		assertThat(removeCustomer.status()).isEqualTo(403);
		assertThat(removeStaff.status()).isEqualTo(403);
		assertThat(factors.customerEnabled(customer.id().value())).isTrue();
		assertThat(factors.staffEnabled(admin.id())).isTrue();
	}

	@Test
	void anAdminRemovesAnotherStaffMembersSecondFactorsWhoThenEnrolsAgainButNeverTheirOwn() {
		var lost = enrolledAdmin();
		var acting = enrolledAdmin();
		var browser = signedIn(acting);
		var page = "/backoffice/staff/" + lost.id();

		var detail = browser.get(page);
		assertThat(detail.body()).contains("Authenticator app: on").contains("id=\"remove-second-factors\"");
		browser.get(page + "/second-factors/remove");
		var removed = browser.post(page + "/second-factors/remove", Map.of());

		assertThat(browser.follow(removed).body()).contains("The second factors of Ada Admin were removed");
		assertThat(factors.staffEnabled(lost.id())).isFalse();
		assertThat(TestMailServer.mailTo(lost.email().value(), "Your second sign-in step was removed")).isNotNull();
		assertThat(browser.get("/backoffice/activity?type=MFA_REMOVED&actor=" + acting.email().value()).body())
			.contains("Second factors removed")
			.contains(lost.email().value());
		assertThat(location(BackofficeLogins.submitPassword(new WebClient(port), lost.email().value(), PASSWORD)))
			.as("an admin enrols again")
			.endsWith("/backoffice/login/enrol");

		var own = "/backoffice/staff/" + acting.id();
		assertThat(browser.get(own).body()).doesNotContain("id=\"remove-second-factors\"");
		var refused = browser.post(own + "/second-factors/remove", Map.of());
		assertThat(browser.follow(refused).body()).contains("You cannot remove your own second factors here");
		assertThat(factors.staffEnabled(acting.id())).isTrue();
	}

}
