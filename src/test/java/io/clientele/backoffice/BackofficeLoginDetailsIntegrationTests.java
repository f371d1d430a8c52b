package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/** Staff actions on a customer's login, and who may take them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeLoginDetailsIntegrationTests {

	static final String STAFF_PASSWORD = "violet-lantern-orchard-3";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	StaffAccounts staff;

	@Autowired
	io.clientele.notes.CustomerNotes notes;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String email;

	CustomerDetails customer;

	String page;

	@BeforeEach
	void customer() {
		email = Shoppers.uniqueEmail();
		customer = Accounts.confirmedCustomer(signUp, email);
		page = "/backoffice/customers/" + customer.reference().value();
	}

	WebClient staffMember(StaffRole role) {
		var address = "staff-" + Shoppers.uniqueEmail();
		staff.create(EmailAddress.of(address), "Sam Support", role, STAFF_PASSWORD);
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, address, STAFF_PASSWORD);
		return browser;
	}

	WebClient.Page act(WebClient browser, String action, Map<String, String> form) {
		browser.get(page);
		return browser.post(page + "/" + action, form);
	}

	@Test
	void supportSendsAResetLinkThatWorks() {
		var support = staffMember(StaffRole.SUPPORT);

		var answer = act(support, "send-reset-link", Map.of());

		assertThat(support.follow(answer).body()).contains("A password reset link is on its way");
		var link = TestMailServer.linkIn(TestMailServer.mailTo(email, "Choose a new password"));
		assertThat(new WebClient(port).get(link).body()).contains("Choose a new password");
	}

	@Test
	void aRequiredPasswordChangeClosesTheAccountUntilTheCustomerChangesIt() {
		act(staffMember(StaffRole.SUPPORT), "require-password-change", Map.of());
		var shopper = new WebClient(port);

		var profile = shopper.follow(shopper.logIn(email, Shoppers.PASSWORD));

		assertThat(profile.body()).contains("no longer meets our password rules").doesNotContain("id=\"postpone\"");
		assertThat(shopper.get("/customer/overview").status()).isEqualTo(302);
		shopper.get("/customer/profile");
		shopper.post("/customer/profile/password", Map.of("currentPassword", Shoppers.PASSWORD, "newPassword",
				STAFF_PASSWORD, "newPasswordConfirmation", STAFF_PASSWORD));
		assertThat(shopper.get("/customer/overview").status()).isEqualTo(200);
	}

	@Test
	void blockingEndsTheCustomersSessionsAndLoginsUntilUnblocked() {
		var shopper = new WebClient(port);
		shopper.logIn(email, Shoppers.PASSWORD);
		var support = staffMember(StaffRole.SUPPORT);

		act(support, "block", Map.of("blocked", "true"));

		assertThat(shopper.get("/customer/overview").status()).as("signed out").isEqualTo(302);
		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(support.get(page).body()).contains("blocked");
		act(support, "block", Map.of("blocked", "false"));
		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void unlockLiftsALockoutAtOnce() {
		for (int i = 0; i < 10; i++) {
			new WebClient(port).logIn(email, "not-the-password-1");
		}
		var blocked = new WebClient(port).logIn(email, Shoppers.PASSWORD);
		assertThat(blocked.status()).as("locked out").isEqualTo(429);
		var support = staffMember(StaffRole.SUPPORT);
		assertThat(support.get(page).body()).contains(">locked<");

		act(support, "unlock", Map.of());

		assertThat(new WebClient(port).logIn(email, Shoppers.PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void onlyAdminsDeleteAccounts() {
		var support = staffMember(StaffRole.SUPPORT);
		var admin = staffMember(StaffRole.ADMIN);

		assertThat(support.get(page + "/delete").status()).isEqualTo(403);
		assertThat(act(support, "delete", Map.of()).status()).isEqualTo(403);
		assertThat(customers.find(customer.id()).orElseThrow().anonymized()).isFalse();
		act(admin, "notes", Map.of("text", "Called about a parcel"));
		assertThat(admin.get(page + "/delete").body()).contains("It cannot be undone.");
		var deleted = act(admin, "delete", Map.of());
		assertThat(admin.follow(deleted).body()).contains("was deleted");
		assertThat(customers.find(customer.id()).orElseThrow().anonymized()).isTrue();
		assertThat(notes.findAll(customer.id())).as("notes may name the person").isEmpty();
	}

	@Test
	void everyActionNeedsACsrfToken() {
		var support = staffMember(StaffRole.SUPPORT);
		support.get(page);

		assertThat(support.postWithoutCsrfToken(page + "/block", Map.of("blocked", "true")).status()).isEqualTo(403);
		assertThat(customers.find(customer.id()).orElseThrow().blocked()).isFalse();
	}

	@Test
	void createLoginMailsAGuestALinkToChooseTheFirstPasswordWhichConfirmsTheAccount() {
		var guestEmail = Shoppers.uniqueEmail();
		var guest = customers.findOrRegisterGuest(EmailAddress.of(guestEmail), "", "Gus", "Guest", "en_US");
		var guestPage = "/backoffice/customers/" + guest.reference().value();
		var support = staffMember(StaffRole.SUPPORT);
		assertThat(support.get(guestPage).body()).contains("id=\"registered\">No<");

		support.get(guestPage);
		var answer = support.post(guestPage + "/create-login", Map.of());

		assertThat(support.follow(answer).body()).contains("valid 72 hours");
		var link = TestMailServer.linkIn(TestMailServer.mailTo(guestEmail, "choose your password"));
		var shopper = new WebClient(port);
		shopper.get(link);
		shopper.post("/password/restore", Map.of("token", link.substring(link.indexOf('=') + 1), "password",
				STAFF_PASSWORD, "passwordConfirmation", STAFF_PASSWORD));
		assertThat(new WebClient(port).logIn(guestEmail, STAFF_PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/customer/overview"));
	}

	@Test
	void createLoginSendsNothingToACustomerWhoHasOne() {
		var support = staffMember(StaffRole.SUPPORT);

		var answer = act(support, "create-login", Map.of());

		assertThat(support.follow(answer).body()).contains("already has a login");
	}

	@Test
	void onlyAdminsSetPasswordsUnderTheFullPolicyAndTheCustomerMustChangeIt() {
		var shopper = new WebClient(port);
		shopper.logIn(email, Shoppers.PASSWORD);
		var support = staffMember(StaffRole.SUPPORT);
		var admin = staffMember(StaffRole.ADMIN);

		assertThat(support.get(page + "/set-password").status()).isEqualTo(403);
		admin.get(page + "/set-password");
		var weak = admin.post(page + "/set-password",
				Map.of("password", "password1234", "passwordConfirmation", "password1234", "mustChange", "true"));
		assertThat(weak.body()).contains("one of the most commonly used passwords");
		admin.get(page + "/set-password");
		var set = admin.post(page + "/set-password",
				Map.of("password", STAFF_PASSWORD, "passwordConfirmation", STAFF_PASSWORD, "mustChange", "true"));

		assertThat(admin.follow(set).body()).contains("The password was set");
		assertThat(shopper.get("/customer/overview").status()).as("signed out everywhere").isEqualTo(302);
		assertThat(TestMailServer.mailTo(email, "Your password was changed")).isNotNull();
		var next = new WebClient(port);
		assertThat(next.follow(next.logIn(email, STAFF_PASSWORD)).body()).doesNotContain("id=\"postpone\"")
			.contains("no longer meets our password rules");
	}

	@Test
	void aGeneratedPasswordReachesOnlyTheCustomerWorksOnceForAChangeAndExpires() {
		var support = staffMember(StaffRole.SUPPORT);
		var admin = staffMember(StaffRole.ADMIN);
		assertThat(act(support, "generate-password", Map.of()).status()).isEqualTo(403);

		act(admin, "generate-password", Map.of());

		var mail = TestMailServer.mailTo(email, "Your temporary password");
		var matcher = java.util.regex.Pattern.compile("(?m)^ {4}([A-Za-z0-9]{16})\\s*$")
			.matcher(TestMailServer.bodyOf(mail));
		assertThat(matcher.find()).as("the password is in the mail").isTrue();
		var generated = matcher.group(1);
		var queue = admin.get("/backoffice/mails").body();
		var id = queue.substring(queue.indexOf("Your temporary password") - 200).split("/backoffice/mails/")[1]
			.substring(0, 36);
		assertThat(admin.get("/backoffice/mails/" + id).body()).doesNotContain(generated).contains("confidential");
		assertThat(admin.get("/backoffice/mails/" + id + "/html").body()).doesNotContain(generated);
		var shopper = new WebClient(port);
		assertThat(shopper.follow(shopper.logIn(email, generated)).body()).doesNotContain("id=\"postpone\"")
			.contains("no longer meets our password rules");
		jdbc.sql("update credentials_password set expires_at = now() - interval '1 second' where owner_id = ?")
			.param(customer.id().value())
			.update();
		assertThat(new WebClient(port).logIn(email, generated).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void staffAddNotesInTheirNameThatAreShownEscapedAndNeverBlank() {
		var support = staffMember(StaffRole.SUPPORT);

		var blank = act(support, "notes", Map.of("text", "   "));
		var added = act(support, "notes", Map.of("text", "Prefers invoices <script>alert(1)</script> by post"));
		var shown = support.follow(added).body();

		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("Please write a note.");
		assertThat(shown).contains("The note was added.")
			.contains("Sam Support · ")
			.contains("Prefers invoices &lt;script&gt;alert(1)&lt;/script&gt; by post")
			.doesNotContain("<script>alert(1)</script>");
	}

}
