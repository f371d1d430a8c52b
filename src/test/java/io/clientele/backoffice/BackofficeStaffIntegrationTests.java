package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.staff.StaffSummary;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * Staff management in the back office over real HTTP: admins create, change, deactivate,
 * reactivate and unlock staff; nobody else may, and an active admin always remains.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeStaffIntegrationTests {

	static final String PASSWORD = "violet-lantern-orchard-3";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	SignUp signUp;

	@Autowired
	JdbcClient jdbc;

	static String uniqueStaffEmail() {
		return "staff-" + UUID.randomUUID().toString().substring(0, 13) + "@clientele.example";
	}

	StaffSummary member(StaffRole role, String displayName) {
		return staff.create(EmailAddress.of(uniqueStaffEmail()), displayName, role, PASSWORD);
	}

	WebClient.Page logIn(WebClient browser, String email, String password) {
		browser.get("/backoffice/login");
		return browser.post("/backoffice/login", Map.of("email", email, "password", password));
	}

	// with the second step that follows: admins enrol an authenticator app at first
	WebClient signedIn(StaffSummary member) {
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, member.email().value(), PASSWORD);
		return browser;
	}

	WebClient admin() {
		return signedIn(member(StaffRole.ADMIN, "Ada Admin"));
	}

	static Map<String, String> newMember(String email, String displayName, String role, String password,
			String confirmation) {
		var form = new LinkedHashMap<String, String>();
		form.put("email", email);
		form.put("displayName", displayName);
		form.put("role", role);
		form.put("password", password);
		form.put("passwordConfirmation", confirmation);
		return form;
	}

	WebClient.Page act(WebClient browser, StaffSummary member, String action, Map<String, String> form) {
		var page = "/backoffice/staff/" + member.id();
		browser.get(page);
		return browser.post(action.isEmpty() ? page : page + "/" + action, form);
	}

	static Map<String, String> nameAndRole(String displayName, StaffRole role, long version) {
		return Map.of("displayName", displayName, "role", role.name(), "version", String.valueOf(version));
	}

	StaffSummary current(StaffSummary member) {
		return staff.find(member.id()).orElseThrow();
	}

	/**
	 * Runs the body while the given admin is the only active one, by deactivating every
	 * other admin in the shared test database for that time only.
	 */
	void asTheOnlyActiveAdmin(StaffSummary admin, Runnable body) {
		var others = jdbc
			.sql("update staff_account set deactivated_at = now()"
					+ " where role = 'ADMIN' and deactivated_at is null and id <> ? returning id")
			.param(admin.id())
			.query(UUID.class)
			.list();
		try {
			body.run();
		}
		finally {
			jdbc.sql("update staff_account set deactivated_at = null where id in (:ids)")
				.param("ids", others.isEmpty() ? List.of(UUID.randomUUID()) : others)
				.update();
		}
	}

	@Test
	void anAdminCreatesASupportMemberWhoCanThenLogIn() {
		var admin = admin();
		var email = uniqueStaffEmail();

		admin.get("/backoffice/staff/new");
		var created = admin.post("/backoffice/staff", newMember(email, "Sam Support", "SUPPORT", PASSWORD, PASSWORD));

		assertThat(created.status()).isEqualTo(302);
		assertThat(admin.follow(created).body()).contains("Sam Support was added and can log in now.");
		assertThat(admin.get("/backoffice/staff").body()).contains(email).contains(">Support<").contains(">active<");
		var support = new WebClient(port);
		assertThat(logIn(support, email.toUpperCase(), PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice"));
		assertThat(support.get("/backoffice/customers").body()).contains("Sam Support");
	}

	@Test
	void policyViolationsAndADuplicateEmailStayOnTheFormWithFieldErrors() {
		var admin = admin();
		var existing = member(StaffRole.SUPPORT, "Sam Support");
		var email = uniqueStaffEmail();

		admin.get("/backoffice/staff/new");
		var weak = admin.post("/backoffice/staff",
				newMember(email, "Wendy Weak", "SUPPORT", "password1234", "password1234"));
		var personal = admin.post("/backoffice/staff",
				newMember(email, "Wendy Weak", "SUPPORT", "wendy-lantern-orchard-3", "wendy-lantern-orchard-3"));
		var mismatch = admin.post("/backoffice/staff", newMember("not an address", "", "ROOT", PASSWORD, "other"));
		var duplicate = admin.post("/backoffice/staff",
				newMember(existing.email().value().toUpperCase(), "Sam Again", "SUPPORT", PASSWORD, PASSWORD));

		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("one of the most commonly used passwords")
			.contains("value=\"" + email + "\"")
			.contains("value=\"Wendy Weak\"")
			.contains("is-invalid");
		assertThat(personal.body()).contains("must not contain &quot;wendy&quot;");
		assertThat(mismatch.body()).contains("This is not a valid email address.")
			.contains("Please enter a name.")
			.contains("Please choose a role.")
			.contains("The passwords do not match.");
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.body()).contains("A staff member with this email address exists already.");
		assertThat(staff.findByEmail(EmailAddress.of(email))).isEmpty();
		assertThat(staff.all()).filteredOn(s -> s.email().sameAs(existing.email())).hasSize(1);
	}

	@Test
	void supportGets403OnStaffPagesAndSeesNoStaffLink() {
		var support = signedIn(member(StaffRole.SUPPORT, "Sam Support"));
		var target = member(StaffRole.SUPPORT, "Sue Support");

		var customers = support.get("/backoffice/customers");

		assertThat(support.get("/backoffice/staff").status()).isEqualTo(403);
		assertThat(support.get("/backoffice/staff/new").status()).isEqualTo(403);
		assertThat(support.get("/backoffice/staff/" + target.id()).status()).isEqualTo(403);
		assertThat(support.post("/backoffice/staff/" + target.id() + "/deactivate", Map.of()).status()).isEqualTo(403);
		assertThat(current(target).active()).isTrue();
		assertThat(customers.body()).doesNotContain("href=\"/backoffice/staff\"");
		assertThat(admin().get("/backoffice/customers").body()).contains("href=\"/backoffice/staff\"");
	}

	@Test
	void deactivatedStaffCannotLogInAndAnOpenSessionOfTheirsEnds() {
		var member = member(StaffRole.SUPPORT, "Sam Support");
		var email = member.email().value();
		var busy = signedIn(member);
		var idle = signedIn(member);
		var shopperEmail = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, shopperEmail);
		busy.logIn(shopperEmail, Shoppers.PASSWORD);
		assertThat(busy.get("/backoffice/customers").status()).isEqualTo(200);
		var admin = admin();

		var deactivated = act(admin, member, "deactivate", Map.of());

		assertThat(admin.follow(deactivated).body()).contains("Sam Support was deactivated").contains(">deactivated<");
		var ended = busy.get("/backoffice/customers");
		assertThat(ended.status()).as("signed out of the back office").isEqualTo(302);
		assertThat(ended.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login"));
		assertThat(busy.get("/customer/overview").status()).as("the customer login stays").isEqualTo(200);
		var refused = logIn(new WebClient(port), email, PASSWORD);
		var wrongPassword = logIn(new WebClient(port), email, "not-the-password-1");
		assertThat(refused.location()).isEqualTo(wrongPassword.location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login?error"));
		act(admin, member, "reactivate", Map.of());
		assertThat(idle.get("/backoffice/customers").status()).as("a reactivation revives no old session")
			.isEqualTo(302);
		assertThat(logIn(new WebClient(port), email, PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice"));
	}

	@Test
	void theLastActiveAdminCanBeNeitherDemotedNorDeactivated() {
		var last = member(StaffRole.ADMIN, "Lara Last");
		var browser = signedIn(last);

		asTheOnlyActiveAdmin(last, () -> {
			var demoted = act(browser, last, "", nameAndRole("Lara Last", StaffRole.SUPPORT, last.version()));
			var deactivated = act(browser, last, "deactivate", Map.of());

			assertThat(demoted.status()).isEqualTo(200);
			assertThat(demoted.body()).contains("There must always be an active admin");
			assertThat(browser.follow(deactivated).body()).contains("There must always be an active admin");
			assertThat(current(last).role()).isEqualTo(StaffRole.ADMIN);
			assertThat(current(last).active()).isTrue();
		});
	}

	@Test
	void anAdminCanNeitherDemoteNorDeactivateThemselvesButRenameThemselves() {
		var self = member(StaffRole.ADMIN, "Ada Admin");
		var browser = signedIn(self);

		var demoted = act(browser, self, "", nameAndRole("Ada Admin", StaffRole.SUPPORT, self.version()));
		var deactivated = browser.follow(act(browser, self, "deactivate", Map.of()));
		var renamed = act(browser, self, "", nameAndRole("Ada Lovelace", StaffRole.ADMIN, self.version()));

		assertThat(demoted.body()).contains("You cannot take the admin role away from yourself");
		assertThat(deactivated.body()).contains("You cannot deactivate yourself");
		assertThat(browser.follow(renamed).body()).contains("The changes to Ada Lovelace were saved.");
		assertThat(current(self).role()).isEqualTo(StaffRole.ADMIN);
		assertThat(current(self).active()).isTrue();
	}

	@Test
	void aDemotedAdminLosesTheAdminPagesAtOnce() {
		var other = member(StaffRole.ADMIN, "Otto Other");
		var demotedBrowser = signedIn(other);
		assertThat(demotedBrowser.get("/backoffice/staff").status()).isEqualTo(200);

		act(admin(), other, "", nameAndRole("Otto Other", StaffRole.SUPPORT, other.version()));

		assertThat(demotedBrowser.get("/backoffice/staff").status()).isEqualTo(403);
		assertThat(demotedBrowser.get("/backoffice/customers").body()).doesNotContain("href=\"/backoffice/staff\"");
	}

	@Test
	void aStaleVersionConflictsAndNeverOverwrites() {
		var member = member(StaffRole.SUPPORT, "Sam Support");
		var first = admin();
		var second = admin();
		first.get("/backoffice/staff/" + member.id());

		act(second, member, "", nameAndRole("Samantha Support", StaffRole.SUPPORT, member.version()));
		var stale = first.post("/backoffice/staff/" + member.id(),
				nameAndRole("Sam Admin", StaffRole.ADMIN, member.version()));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone else changed this staff member while you were editing")
			.contains("value=\"Samantha Support\"");
		assertThat(current(member).displayName()).isEqualTo("Samantha Support");
		assertThat(current(member).role()).isEqualTo(StaffRole.SUPPORT);
		var retried = first.post("/backoffice/staff/" + member.id(),
				nameAndRole("Sam Admin", StaffRole.ADMIN, current(member).version()));
		assertThat(retried.status()).isEqualTo(302);
		assertThat(current(member).role()).isEqualTo(StaffRole.ADMIN);
	}

	@Test
	void namesWithScriptTagsAreShownEscaped() {
		var admin = admin();
		var email = uniqueStaffEmail();
		admin.get("/backoffice/staff/new");

		var created = admin.post("/backoffice/staff",
				newMember(email, "<script>alert(1)</script> Eve", "SUPPORT", PASSWORD, PASSWORD));
		var detail = admin.follow(created).body();
		var list = admin.get("/backoffice/staff").body();

		assertThat(detail).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; Eve");
		assertThat(list).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; Eve");
	}

	@Test
	void anAdminUnlocksAStaffLoginLockout() {
		var member = member(StaffRole.SUPPORT, "Sam Support");
		for (int i = 0; i < 10; i++) {
			logIn(new WebClient(port), member.email().value(), "not-the-password-1");
		}
		assertThat(logIn(new WebClient(port), member.email().value(), PASSWORD).status()).isEqualTo(429);
		var admin = admin();
		assertThat(admin.get("/backoffice/staff/" + member.id()).body()).contains(">locked<");

		var unlocked = act(admin, member, "unlock", Map.of());

		assertThat(admin.follow(unlocked).body()).contains("The login lockout of Sam Support was lifted.");
		assertThat(logIn(new WebClient(port), member.email().value(), PASSWORD).location())
			.hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice"));
	}

	@Test
	void unknownIdsAreNotFound() {
		var admin = admin();

		assertThat(admin.get("/backoffice/staff/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(admin.get("/backoffice/staff/not-an-id").status()).isEqualTo(404);
		admin.get("/backoffice/staff");
		assertThat(admin.post("/backoffice/staff/" + UUID.randomUUID() + "/deactivate", Map.of()).status())
			.isEqualTo(404);
	}

	@Test
	void everyStaffChangeNeedsACsrfToken() {
		var member = member(StaffRole.SUPPORT, "Sam Support");
		var admin = admin();
		admin.get("/backoffice/staff/" + member.id());

		var answer = admin.postWithoutCsrfToken("/backoffice/staff/" + member.id() + "/deactivate", Map.of());

		assertThat(answer.status()).isEqualTo(403);
		assertThat(current(member).active()).isTrue();
	}

	@Test
	void aStaffMemberWhosePasswordIsShorterThanTheMinimumNowStillSignsInAndTheDashboardSaysWhatApplies() {
		var member = member(StaffRole.SUPPORT, "Olga Older");
		var twelve = "tk9-vq2-mzr7";
		// as if set when 12 characters were the minimum
		jdbc.sql("update credentials_password set hash = ? where owner_id = ?")
			.params(de.mkammerer.argon2.Argon2Factory.create(de.mkammerer.argon2.Argon2Factory.Argon2Types.ARGON2id)
				.hash(2, 19456, 1, twelve.toCharArray()), member.id())
			.update();
		var browser = new WebClient(port);

		var answer = logIn(browser, member.email().value(), twelve);
		var dashboard = browser.follow(answer);

		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice"));
		assertThat(dashboard.body()).contains("id=\"password-outdated\"")
			.contains("Your password no longer meets the password rules: a password needs at least 15 characters"
					+ " on its own, and 8 together with a second sign-in method.");
		assertThat(browser.get("/backoffice/customers").status()).as("still signed in").isEqualTo(200);
		assertThat(signedIn(member(StaffRole.SUPPORT, "Nora Newer")).get("/backoffice").body())
			.doesNotContain("id=\"password-outdated\"");
	}

}
