package io.clientele.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.credentials.SignUp;
import io.clientele.customer.CustomerDetails;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.RegisterCustomer;
import io.clientele.shared.EmailAddress;
import io.clientele.staff.StaffAccounts;
import io.clientele.staff.StaffRole;
import io.clientele.support.Accounts;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;
import io.clientele.support.WebClient;

/**
 * Staff try to use a customer's link: read it from the e-mail queue while the mail waits
 * (the SMTP server is down), resend it to get it again, delete the notice that would tell
 * the customer. Each attempt fails; the customer's own mail still works.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackofficeMailConfidentialityIntegrationTests {

	static final String STAFF_PASSWORD = "violet-lantern-orchard-3";

	static final String HIDDEN = "[link hidden: only the customer can use it]";

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	CustomerManagement customers;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	WebClient staffMember(StaffRole role) {
		var address = "staff-" + Shoppers.uniqueEmail();
		staff.create(EmailAddress.of(address), "Sam Staff", role, STAFF_PASSWORD);
		var browser = new WebClient(port);
		BackofficeLogins.signIn(browser, address, STAFF_PASSWORD);
		return browser;
	}

	static String page(CustomerDetails customer) {
		return "/backoffice/customers/" + customer.reference().value();
	}

	@Test
	void supportStaffCannotReadTheLinkOfAResetMailTheyTriggered() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var support = staffMember(StaffRole.SUPPORT);

		var seen = whatStaffSeeWhileTheMailWaits(support, email, "PASSWORD_RESET", () -> {
			support.get(page(customer));
			return support.post(page(customer) + "/send-reset-link", Map.of());
		});

		assertTheLinkStaysHidden(seen, "Choose a new password");
	}

	@Test
	void adminsCannotReadTheLinkOfAResetMailEither() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var admin = staffMember(StaffRole.ADMIN);

		var seen = whatStaffSeeWhileTheMailWaits(admin, email, "PASSWORD_RESET", () -> {
			admin.get(page(customer));
			return admin.post(page(customer) + "/send-reset-link", Map.of());
		});

		assertTheLinkStaysHidden(seen, "Choose a new password");
	}

	@Test
	void staffCannotReadTheLinkOfALoginTheyCreated() {
		var customer = customers.register(new RegisterCustomer("Ms", "Lena", "Fischer", Shoppers.uniqueEmail(), null,
				null, null, null, "en_US", true));
		var email = customer.email().value();
		var admin = staffMember(StaffRole.ADMIN);

		var seen = whatStaffSeeWhileTheMailWaits(admin, email, "LOGIN_CREATED", () -> {
			admin.get(page(customer) + "/login-details");
			return admin.post(page(customer) + "/create-login", Map.of());
		});

		assertTheLinkStaysHidden(seen, "choose your password");
	}

	@Test
	void staffCannotReadTheConfirmationLinkOfARegistration() {
		var email = Shoppers.uniqueEmail();
		var shopper = new WebClient(port);
		var support = staffMember(StaffRole.SUPPORT);

		var seen = whatStaffSeeWhileTheMailWaits(support, email, "REGISTRATION_CONFIRMATION", () -> {
			shopper.get("/register");
			return shopper.post("/register", Shoppers.registrationForm(email));
		});

		assertTheLinkStaysHidden(seen, "Please confirm your email address");
	}

	@Test
	void staffCannotReadTheLinkOfAnEmailChange() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var newEmail = Shoppers.uniqueEmail();
		var shopper = new WebClient(port);
		shopper.logIn(email, Shoppers.PASSWORD);
		var admin = staffMember(StaffRole.ADMIN);

		var seen = whatStaffSeeWhileTheMailWaits(admin, newEmail, "EMAIL_CHANGE_CONFIRMATION", () -> {
			shopper.get("/customer/profile");
			return shopper.post("/customer/profile/email",
					Map.of("email", newEmail, "currentPassword", Shoppers.PASSWORD));
		});

		assertTheLinkStaysHidden(seen, "Confirm your new email address");
	}

	@Test
	void staffCannotReadTheResetLinkOfALockoutNotice() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var support = staffMember(StaffRole.SUPPORT);

		var seen = whatStaffSeeWhileTheMailWaits(support, email, "ACCOUNT_LOCKED", () -> {
			WebClient.Page last = null;
			for (int i = 0; i < 10; i++) {
				last = new WebClient(port).logIn(email, "not-the-password-1");
			}
			return last;
		});

		assertTheLinkStaysHidden(seen, "Someone tried to sign in");
	}

	@Test
	void staffCannotReadTheResetLinkOfARegistrationAttemptNotice() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var shopper = new WebClient(port);
		var support = staffMember(StaffRole.SUPPORT);

		var seen = whatStaffSeeWhileTheMailWaits(support, email, "REGISTRATION_ATTEMPTED", () -> {
			shopper.get("/register");
			return shopper.post("/register", Shoppers.registrationForm(email));
		});

		assertTheLinkStaysHidden(seen, "Someone tried to register");
	}

	@Test
	void resendingALinkMailIssuesANewLinkAndVoidsTheOld() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var support = staffMember(StaffRole.SUPPORT);
		support.get(page(customer));
		support.post(page(customer) + "/send-reset-link", Map.of());
		var oldLink = TestMailServer.linkIn(TestMailServer.mailTo(email, "Choose a new password"));
		var id = mailId(email, "PASSWORD_RESET");

		support.get("/backoffice/mails/" + id);
		var resent = support.post("/backoffice/mails/" + id + "/resend", Map.of());

		assertThat(support.follow(resent).body()).contains("A new mail with a new link is on its way");
		var mails = TestMailServer.mailsTo(email, 2);
		assertThat(mails).hasSize(2);
		var newLink = TestMailServer.linkIn(mails.getLast());
		assertThat(newLink).isNotEqualTo(oldLink);
		assertThat(new WebClient(port).get(oldLink).body()).as("the old link is void")
			.contains("This link is not valid");
		assertThat(new WebClient(port).get(newLink).body()).contains("id=\"password\"");
		assertThat(jdbc.sql("select actor from audit_entry where customer_id = ? and type = 'MAIL_RESENT'")
			.param(customer.id().value())
			.query(String.class)
			.list()).singleElement().asString().startsWith("staff-");
	}

	@Test
	void resendingAnEmailChangeLinkSendsANewOneToThePendingAddressOnly() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var newEmail = Shoppers.uniqueEmail();
		var shopper = new WebClient(port);
		shopper.logIn(email, Shoppers.PASSWORD);
		shopper.get("/customer/profile");
		shopper.post("/customer/profile/email", Map.of("email", newEmail, "currentPassword", Shoppers.PASSWORD));
		var oldLink = TestMailServer.linkIn(TestMailServer.mailTo(newEmail, "Confirm your new email address"));
		var id = mailId(newEmail, "EMAIL_CHANGE_CONFIRMATION");
		var support = staffMember(StaffRole.SUPPORT);

		support.get("/backoffice/mails/" + id);
		support.post("/backoffice/mails/" + id + "/resend", Map.of());

		var mails = TestMailServer.mailsTo(newEmail, 2);
		assertThat(mails).hasSize(2);
		var newLink = TestMailServer.linkIn(mails.getLast());
		assertThat(newLink).startsWith("/email/confirm?token=").isNotEqualTo(oldLink);
		assertThat(new WebClient(port).get(oldLink).body()).contains("This link is not valid");

		// once the change is confirmed, nothing is pending: no third link
		shopper.get(newLink);
		shopper.post("/email/confirm", Map.of("token", newLink.substring(newLink.indexOf("token=") + 6)));
		support.get("/backoffice/mails/" + id);
		var refused = support.post("/backoffice/mails/" + id + "/resend", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("no longer pending");
	}

	@Test
	void staffCannotDeleteAnUnsentPasswordChangedNotice() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var admin = staffMember(StaffRole.ADMIN);
		TestMailServer.stop();
		WebClient.Page deleted;
		UUID id;
		try {
			admin.get(page(customer) + "/set-password");
			admin.post(page(customer) + "/set-password",
					Map.of("password", STAFF_PASSWORD, "passwordConfirmation", STAFF_PASSWORD, "mustChange", "true"));
			id = mailId(email, "PASSWORD_CHANGED");
			var detail = admin.get("/backoffice/mails/" + id);
			assertThat(detail.body()).as("no delete button").doesNotContain("id=\"delete-mail\"");

			deleted = admin.post("/backoffice/mails/" + id + "/delete", Map.of());
			admin.get("/backoffice/mails/" + id);
			var retried = admin.post("/backoffice/mails/" + id + "/resend", Map.of());
			assertThat(admin.follow(retried).body()).as("staff may only retry it")
				.contains("The mail is queued to be sent again");
		}
		finally {
			TestMailServer.start();
		}

		assertThat(deleted.status()).isEqualTo(409);
		assertThat(deleted.body()).contains("A security notice is never deleted before it is sent");
		assertThat(TestMailServer.mailsTo(email, 1)).as("the notice still reaches the customer").hasSize(1);
		assertThat(TestMailServer.subjectOf(TestMailServer.mailsTo(email).getFirst()))
			.isEqualTo("Your password was changed");
	}

	@Test
	void sentMailsKeepNoBodyOrVariables() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var support = staffMember(StaffRole.SUPPORT);
		support.get(page(customer));
		support.post(page(customer) + "/send-reset-link", Map.of());
		TestMailServer.mailTo(email, "Choose a new password");
		var id = mailId(email, "PASSWORD_RESET");
		waitUntil(() -> "SENT".equals(jdbc.sql("select status from notification_outbox where id = ?")
			.param(id)
			.query(String.class)
			.single()));

		var row = jdbc
			.sql("select subject, html_body, text_body, variables::text, recipient, mail_type, sent_at, created_at"
					+ " from notification_outbox where id = ?")
			.param(id)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getTimestamp(8) })
			.single();
		assertThat(java.util.Arrays.asList(row).subList(0, 4)).as("subject, bodies, variables").containsOnlyNulls();
		assertThat(row[4]).isEqualTo(email);
		assertThat(row[5]).isEqualTo("PASSWORD_RESET");
		assertThat(row[6]).isNotNull();
		assertThat(support.get("/backoffice/mails/" + id).body()).contains("A sent mail keeps no content")
			.contains("Choose a new password");
		assertThat(support.get("/backoffice/mails/" + id + "/html").status()).isEqualTo(410);
	}

	@Test
	void anonymisingACustomerForgetsTheirMails() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var support = staffMember(StaffRole.SUPPORT);
		support.get(page(customer));
		support.post(page(customer) + "/send-reset-link", Map.of());
		TestMailServer.mailTo(email, "Choose a new password");
		var shopper = new WebClient(port);
		shopper.logIn(email, Shoppers.PASSWORD);

		shopper.get("/customer/delete");
		shopper.post("/customer/delete", Map.of("currentPassword", Shoppers.PASSWORD));

		assertThat(TestMailServer.mailTo(email, "Your customer account was deleted")).as("the last mail goes out")
			.isNotNull();
		waitUntil(() -> jdbc.sql("select count(*) from notification_outbox where recipient = ?")
			.param(email)
			.query(Long.class)
			.single() == 0);
		assertThat(jdbc.sql("select mail_type from notification_outbox where customer_id = ?")
			.param(customer.id().value())
			.query(String.class)
			.list()).as("only the account-deleted mail, without its address").containsExactly("ACCOUNT_DELETED");
		assertThat(support.get("/backoffice/mails").body()).doesNotContain(email);
	}

	@Test
	void anAccountDeletedByStaffLeavesNoMailsBehind() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var admin = staffMember(StaffRole.ADMIN);
		admin.get(page(customer));
		admin.post(page(customer) + "/send-reset-link", Map.of());
		TestMailServer.mailTo(email, "Choose a new password");

		admin.get(page(customer) + "/delete");
		admin.post(page(customer) + "/delete", Map.of());

		assertThat(jdbc.sql("select count(*) from notification_outbox where customer_id = ?")
			.param(customer.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	/** The pages staff could open about the mail, taken while the SMTP server is down. */
	record Seen(List<String> pages, String recipient) {
	}

	private Seen whatStaffSeeWhileTheMailWaits(WebClient staffMember, String recipient, String type,
			Supplier<WebClient.Page> trigger) {
		var pages = new ArrayList<String>();
		TestMailServer.stop();
		try {
			trigger.get();
			waitUntil(() -> jdbc.sql("select count(*) from notification_outbox where recipient = ? and mail_type = ?")
				.params(recipient, type)
				.query(Long.class)
				.single() > 0);
			var id = mailId(recipient, type);
			var list = staffMember.get("/backoffice/mails").body();
			assertThat(list).contains(recipient);
			pages.add(list);
			var detail = staffMember.get("/backoffice/mails/" + id);
			assertThat(detail.status()).isEqualTo(200);
			assertThat(detail.body()).as("the mail's text is shown with a placeholder").contains(HIDDEN);
			pages.add(detail.body());
			var html = staffMember.get("/backoffice/mails/" + id + "/html");
			assertThat(html.status()).isEqualTo(200);
			pages.add(html.body());
			// a resend gives staff a new mail with a new link, hidden as well
			var customerId = jdbc.sql("select customer_id from notification_outbox where id = ?")
				.param(id)
				.query(UUID.class)
				.single();
			staffMember.get("/backoffice/mails/" + id);
			var resent = staffMember.post("/backoffice/mails/" + id + "/resend", Map.of());
			assertThat(resent.status()).isEqualTo(302);
			pages.add(staffMember.follow(resent).body());
			var newest = jdbc
				.sql("select id from notification_outbox where customer_id = ? and id <> ?"
						+ " order by created_at desc limit 1")
				.params(customerId, id)
				.query(UUID.class)
				.single();
			pages.add(staffMember.get("/backoffice/mails/" + newest).body());
			pages.add(staffMember.get("/backoffice/mails/" + newest + "/html").body());
		}
		finally {
			TestMailServer.start();
		}
		return new Seen(pages, recipient);
	}

	/**
	 * Every mail the customer received (the first, and the one with the new link) holds a
	 * token that staff saw nowhere.
	 */
	private void assertTheLinkStaysHidden(Seen seen, String subject) {
		waitUntil(() -> jdbc
			.sql("select count(*) from notification_outbox where recipient = ? and status in ('QUEUED', 'SENDING')")
			.param(seen.recipient())
			.query(Long.class)
			.single() == 0);
		TestMailServer.mailTo(seen.recipient(), subject);
		var links = TestMailServer.mailsTo(seen.recipient())
			.stream()
			.map(TestMailServer::linkIn)
			.filter(link -> link.contains("token="))
			.toList();
		assertThat(links).as("the customer's mails carry links with tokens").isNotEmpty();
		for (var link : links) {
			var token = link.substring(link.indexOf("token=") + 6);
			assertThat(token).hasSizeGreaterThan(40);
			assertThat(seen.pages()).allSatisfy(page -> assertThat(page).doesNotContain(token));
		}
		assertThat(seen.pages()).allSatisfy(page -> assertThat(page).doesNotContain("token="));
	}

	private UUID mailId(String recipient, String type) {
		return jdbc
			.sql("select id from notification_outbox where recipient = ? and mail_type = ?"
					+ " order by created_at desc limit 1")
			.params(recipient, type)
			.query(UUID.class)
			.single();
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not reached in time");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
