package io.clientele.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.customer.CustomerDetails;
import io.clientele.multifactor.FactorActivation;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.FactorVerification;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.multifactor.SecondFactors;

/**
 * Second factors turned on directly through the facade, for tests whose subject is what
 * follows (a login, a protected action), and the codes mailed to a shopper.
 */
public final class SecondFactorAccounts {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private SecondFactorAccounts() {
	}

	/** Turns the authenticator app on and returns the shopper's app. */
	public static AuthenticatorApp withApp(SecondFactors factors, CustomerDetails customer) {
		var owner = FactorOwner.customer(customer);
		var enrolment = (FactorActivation.TotpEnrolment) factors.activate(owner, FactorType.TOTP,
				SecondFactorProof.none());
		var app = new AuthenticatorApp(enrolment.secret());
		assertThat(factors.verifyActivation(owner, FactorType.TOTP, app.nextCode()))
			.isInstanceOf(FactorVerification.Enabled.class);
		return app;
	}

	/** Turns codes by e-mail on with the first mailed code. */
	public static void withEmailCodes(SecondFactors factors, JdbcClient jdbc, CustomerDetails customer) {
		withEmailCodes(factors, jdbc, customer, SecondFactorProof.none());
	}

	/** Turns codes by e-mail on beside the app, which confirms it with a code. */
	public static void withEmailCodes(SecondFactors factors, JdbcClient jdbc, CustomerDetails customer,
			AuthenticatorApp app) {
		withEmailCodes(factors, jdbc, customer, new SecondFactorProof(app.nextCode(), null));
	}

	private static void withEmailCodes(SecondFactors factors, JdbcClient jdbc, CustomerDetails customer,
			SecondFactorProof proof) {
		var owner = FactorOwner.customer(customer);
		var before = codeMails(customer.email().value());
		assertThat(factors.activate(owner, FactorType.EMAIL, proof)).isInstanceOf(FactorActivation.EmailCodeSent.class);
		assertThat(factors.verifyActivation(owner, FactorType.EMAIL, mailedCode(customer.email().value(), before + 1)))
			.isInstanceOf(FactorVerification.Enabled.class);
		allowNextMailedCode(jdbc, customer.id().value());
	}

	/**
	 * The code of the {@code nth} sign-in code mailed to the address, waiting up to ten
	 * seconds for it.
	 */
	public static String mailedCode(String email, int nth) {
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			var mails = TestMailServer.mailsTo(email)
				.stream()
				.filter((mail) -> TestMailServer.subjectOf(mail).contains("sign-in code")
						|| TestMailServer.subjectOf(mail).contains("Anmeldecode"))
				.toList();
			if (mails.size() >= nth) {
				var matcher = CODE.matcher(TestMailServer.bodyOf(mails.get(nth - 1)));
				assertThat(matcher.find()).as("a code in the mail").isTrue();
				return matcher.group(1);
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Only " + mails.size() + " sign-in codes mailed to " + email);
			}
			sleepBriefly();
		}
	}

	/** How many sign-in codes were mailed to the address so far. */
	public static int codeMails(String email) {
		return (int) TestMailServer.mailsTo(email)
			.stream()
			.filter((mail) -> TestMailServer.subjectOf(mail).contains("sign-in code")
					|| TestMailServer.subjectOf(mail).contains("Anmeldecode"))
			.count();
	}

	/**
	 * As if the least interval between two mailed codes had passed: the next code goes
	 * out at once. The application's clock is the system's, so the test moves the time of
	 * the last code back in PostgreSQL.
	 */
	public static void allowNextMailedCode(JdbcClient jdbc, UUID customer) {
		jdbc.sql("update multifactor_flow set last_code_at = last_code_at - interval '1 hour'"
				+ " where owner_kind = 'CUSTOMER' and owner_id = ?")
			.param(customer)
			.update();
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
