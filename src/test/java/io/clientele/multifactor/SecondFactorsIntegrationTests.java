package io.clientele.multifactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.credentials.SignUp;
import io.clientele.notification.CustomerMails;
import io.clientele.support.Accounts;
import io.clientele.support.MutableClock;
import io.clientele.support.Shoppers;
import io.clientele.support.TestMailServer;

/**
 * Second factors on the real database and SMTP server, with a clock the test moves: the
 * attacks on the second step (guessing, in parallel too, replaying, borrowing another
 * account's codes) and the life of codes and grace periods.
 */
@SpringBootTest
class SecondFactorsIntegrationTests {

	static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	@Autowired
	SignUp signUp;

	@Autowired
	FactorRecords records;

	@Autowired
	CustomerMails mails;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecondFactors bean;

	MutableClock clock = new MutableClock(Instant.now());

	SecondFactors factors;

	FactorOwner owner;

	@BeforeEach
	void setUp() {
		var settings = new MultiFactorSettings(Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofMinutes(30),
				3, 3, Duration.ofMinutes(15), "Clientele", 10);
		factors = new SecondFactors(records, settings, mails, audit, clock);
		owner = newCustomer();
	}

	FactorOwner newCustomer() {
		return FactorOwner.customer(Accounts.confirmedCustomer(signUp, Shoppers.uniqueEmail()));
	}

	<T> T inTransaction(Supplier<T> work) {
		return transaction.execute((status) -> work.get());
	}

	@Test
	void thePurgeDeletesExpiredCodesGracePeriodsAndIdleFlowsAndKeepsTheLiveOnes() {
		var stale = newCustomer();
		var now = clock.instant();
		for (var who : java.util.List.of(owner, stale)) {
			var expired = who == stale;
			var at = java.sql.Timestamp
				.from(expired ? now.minus(Duration.ofDays(2)) : now.plus(Duration.ofMinutes(10)));
			jdbc.sql("insert into multifactor_code (owner_kind, owner_id, code_hash, sent_at, expires_at)"
					+ " values (?, ?, ?, ?, ?)")
				.params(who.kind().name(), who.id(), "hash-" + who.id(), java.sql.Timestamp.from(now), at)
				.update();
			jdbc.sql("insert into multifactor_grace (owner_kind, owner_id, context_hash, until) values (?, ?, ?, ?)")
				.params(who.kind().name(), who.id(), "context-" + who.id(), at)
				.update();
			jdbc.sql("insert into multifactor_flow (owner_kind, owner_id, updated_at) values (?, ?, ?)")
				.params(who.kind().name(), who.id(),
						java.sql.Timestamp.from(expired ? now.minus(Duration.ofDays(2)) : now))
				.update();
		}

		var purged = inTransaction(factors::purge);

		assertThat(purged).isGreaterThanOrEqualTo(3);
		for (var table : java.util.List.of("multifactor_code", "multifactor_grace", "multifactor_flow")) {
			assertThat(rowsOf(table, stale)).as(table + " of the expired owner").isZero();
			assertThat(rowsOf(table, owner)).as(table + " of the live owner").isOne();
		}
	}

	private long rowsOf(String table, FactorOwner who) {
		return jdbc.sql("select count(*) from " + table + " where owner_kind = ? and owner_id = ?")
			.params(who.kind().name(), who.id())
			.query(Long.class)
			.single();
	}

	byte[] enrolApp(FactorOwner who) {
		var enrolment = (FactorActivation.TotpEnrolment) inTransaction(
				() -> factors.activate(who, FactorType.TOTP, SecondFactorProof.none()));
		var secret = new Base32().decode(enrolment.secret());
		var verified = inTransaction(() -> factors.verifyActivation(who, FactorType.TOTP, appCode(secret)));
		assertThat(verified).isInstanceOf(FactorVerification.Enabled.class);
		clock.advance(Duration.ofSeconds(30));
		return secret;
	}

	String appCode(byte[] secret) {
		return Totp.code(secret, Totp.step(clock.instant()));
	}

	SecondFactorCheck require(FactorOwner who, String code) {
		return inTransaction(() -> factors.require(who, new SecondFactorProof(code, null)));
	}

	String lastMailedCode(FactorOwner who, int mailCount) {
		var mails = TestMailServer.mailsTo(who.recipient().email().value(), mailCount)
			.stream()
			.filter((mail) -> TestMailServer.subjectOf(mail).contains("sign-in code"))
			.toList();
		var matcher = CODE.matcher(TestMailServer.bodyOf(mails.getLast()));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	@Test
	void anAppCodeTurnsTheAppOnWithTenRecoveryCodesShownOnce() {
		var enrolment = (FactorActivation.TotpEnrolment) inTransaction(
				() -> factors.activate(owner, FactorType.TOTP, SecondFactorProof.none()));
		assertThat(enrolment.uri()).startsWith("otpauth://totp/Clientele:").contains("secret=" + enrolment.secret());
		assertThat(enrolment.qrCode()).startsWith("data:image/svg+xml");

		var verified = (FactorVerification.Enabled) inTransaction(() -> factors.verifyActivation(owner, FactorType.TOTP,
				appCode(new Base32().decode(enrolment.secret()))));

		assertThat(verified.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(jdbc.sql("select code_hash from multifactor_recovery_code where owner_id = ?")
			.param(owner.id())
			.query(String.class)
			.list()).hasSize(10).allMatch((hash) -> hash.matches("[0-9a-f]{64}"));
		assertThat(factors.methods(owner)).contains(
				new FactorMethod(FactorType.TOTP, FactorStatus.ENABLED, factors.methods(owner).get(1).enabledAt()));
		assertThat(TestMailServer.mailTo(owner.recipient().email().value(), "sign-in method was added")).isNotNull();
	}

	@Test
	void readingTheDatabaseDoesNotRevealAuthenticatorSecrets() {
		var secret = enrolApp(owner);

		var row = jdbc
			.sql("select secret, secret_encrypted from multifactor_method where owner_id = ? and type = 'totp'")
			.param(owner.id())
			.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getString(2) })
			.single();
		var sealed = (String) row[1];
		assertThat(row[0]).as("no plaintext column").isNull();
		assertThat(sealed).startsWith("v1:")
			.doesNotContain(new Base32().encodeAsString(secret).replace("=", ""))
			.doesNotContain(java.util.Base64.getEncoder().encodeToString(secret))
			.doesNotContain(java.util.HexFormat.of().formatHex(secret));
		assertThat(java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(sealed.substring(3))))
			.doesNotContain(java.util.HexFormat.of().formatHex(secret));
		assertThat(require(owner, appCode(secret)).satisfied()).as("the app's codes still pass").isTrue();
	}

	@Test
	void aSealedSecretCopiedIntoAnotherAccountsRowDoesNotOpen() {
		enrolApp(owner);
		var other = newCustomer();
		enrolApp(other);

		jdbc.sql("""
				update multifactor_method set secret_encrypted =
				  (select secret_encrypted from multifactor_method where owner_id = ? and type = 'totp')
				where owner_id = ? and type = 'totp'""").params(owner.id(), other.id()).update();

		try {
			org.assertj.core.api.Assertions.assertThatExceptionOfType(io.clientele.shared.SecretBox.Unreadable.class)
				.isThrownBy(() -> records.methods(other));
		}
		finally {
			// the start-up check of the next test context would stop at this row
			records.forget(other.kind(), other.id());
		}
	}

	@Test
	void anAuthenticatorSecretAnOlderVersionStoredInPlaintextKeepsWorkingAndIsSealedAtStartUp() {
		var secret = enrolApp(owner);
		// as an older Clientele left it
		jdbc.sql(
				"update multifactor_method set secret = ?, secret_encrypted = null where owner_id = ? and type = 'totp'")
			.params(secret, owner.id())
			.update();
		assertThat(require(owner, appCode(secret)).satisfied()).as("read in plaintext").isTrue();
		clock.advance(Duration.ofSeconds(30));

		assertThat(records.sealPlaintextSecrets()).isGreaterThanOrEqualTo(1);

		assertThat(jdbc
			.sql("select secret is null and secret_encrypted like 'v1:%' from multifactor_method"
					+ " where owner_id = ? and type = 'totp'")
			.param(owner.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(require(owner, appCode(secret)).satisfied()).as("read sealed").isTrue();
	}

	@Test
	void aWrongCodeDoesNotTurnTheAppOn() {
		inTransaction(() -> factors.activate(owner, FactorType.TOTP, SecondFactorProof.none()));

		var verified = inTransaction(() -> factors.verifyActivation(owner, FactorType.TOTP, "000000"));

		assertThat(verified).isEqualTo(new FactorVerification.Refused(new SecondFactorCheck.Wrong(2)));
		assertThat(factors.enabled(owner)).isFalse();
	}

	@Test
	void anAppCodeReplayedIsRefused() {
		var secret = enrolApp(owner);
		var code = appCode(secret);

		assertThat(require(owner, code).satisfied()).isTrue();
		assertThat(require(owner, code)).isEqualTo(new SecondFactorCheck.Wrong(2));
	}

	@Test
	void anAppCodeReplayedInParallelPassesOnlyOnce() throws Exception {
		var secret = enrolApp(owner);
		var code = appCode(secret);

		var outcomes = inParallel(8, () -> bean.require(owner, new SecondFactorProof(code, null)));

		assertThat(outcomes).filteredOn(SecondFactorCheck::satisfied).hasSize(1);
	}

	@Test
	void parallelGuessesAreCountedOneAfterTheOtherUntilTheStepLocks() throws Exception {
		enrolApp(owner);

		var outcomes = inParallel(20, () -> bean.require(owner, new SecondFactorProof("000000", null)));

		// three flows of three wrong codes: two resets, then the lock, whatever the order
		assertThat(outcomes).filteredOn(SecondFactorCheck.Wrong.class::isInstance).hasSize(6);
		assertThat(outcomes).filteredOn(SecondFactorCheck.FlowReset.class::isInstance).hasSize(2);
		assertThat(outcomes).filteredOn(SecondFactorCheck.Locked.class::isInstance).hasSize(12);
	}

	@Test
	void threeWrongCodesResetTheFlowAndVoidEveryMailedCode() {
		inTransaction(() -> factors.activate(owner, FactorType.EMAIL, SecondFactorProof.none()));
		var first = lastMailedCode(owner, 1);
		assertThat(inTransaction(() -> factors.verifyActivation(owner, FactorType.EMAIL, first)))
			.isInstanceOf(FactorVerification.Enabled.class);
		clock.advance(Duration.ofSeconds(30));
		assertThat(inTransaction(() -> factors.trigger(owner, FactorType.EMAIL))).isInstanceOf(CodeDelivery.Sent.class);
		var sent = lastMailedCode(owner, 3);
		var wrong = sent.equals("000000") ? "111111" : "000000";

		assertThat(require(owner, wrong)).isEqualTo(new SecondFactorCheck.Wrong(2));
		assertThat(require(owner, wrong)).isEqualTo(new SecondFactorCheck.Wrong(1));
		assertThat(require(owner, wrong)).isEqualTo(new SecondFactorCheck.FlowReset());

		assertThat(require(owner, sent)).isEqualTo(new SecondFactorCheck.Wrong(2));
	}

	@Test
	void afterRepeatedResetsEvenTheRightCodeIsRefusedUntilTheLockEnds() {
		var secret = enrolApp(owner);
		for (var i = 0; i < 8; i++) {
			require(owner, "000000");
		}
		assertThat(require(owner, "000000")).isEqualTo(new SecondFactorCheck.Locked(Duration.ofMinutes(15)));

		assertThat(require(owner, appCode(secret))).isInstanceOf(SecondFactorCheck.Locked.class);
		assertThat(inTransaction(() -> factors.trigger(owner, FactorType.TOTP)))
			.isInstanceOf(CodeDelivery.NothingToSend.class);

		clock.advance(Duration.ofMinutes(15));
		assertThat(require(owner, appCode(secret)).satisfied()).isTrue();
	}

	@Test
	void aMalformedCodeIsRefusedWithoutCounting() {
		enrolApp(owner);

		for (var typed : List.of("12ab", "1234567", "'; drop table x --", "12345")) {
			assertThat(require(owner, typed)).isEqualTo(new SecondFactorCheck.Malformed());
		}

		assertThat(require(owner, "000000")).isEqualTo(new SecondFactorCheck.Wrong(2));
	}

	@Test
	void anExpiredMailedCodeIsRefused() {
		inTransaction(() -> factors.activate(owner, FactorType.EMAIL, SecondFactorProof.none()));
		var code = lastMailedCode(owner, 1);

		clock.advance(Duration.ofMinutes(30));

		assertThat(inTransaction(() -> factors.verifyActivation(owner, FactorType.EMAIL, code)))
			.isEqualTo(new FactorVerification.Refused(new SecondFactorCheck.Wrong(2)));
	}

	@Test
	void aRecoveryCodeWorksOnceAndItsOwnerIsToldByMail() {
		var codes = enrolWithRecoveryCodes(owner);

		assertThat(require(owner, codes.get(0).toUpperCase())).isEqualTo(new SecondFactorCheck.Satisfied(true));
		assertThat(TestMailServer.bodyOf(TestMailServer.mailTo(owner.recipient().email().value(), "recovery code")))
			.contains("9");
		assertThat(require(owner, codes.get(0))).isEqualTo(new SecondFactorCheck.Wrong(2));
		assertThat(factors.recoveryCodesLeft(owner)).isEqualTo(9);
	}

	@Test
	void aRecoveryCodeOfAnotherAccountIsRefused() {
		var others = enrolWithRecoveryCodes(newCustomer());
		enrolApp(owner);

		assertThat(require(owner, others.get(0))).isEqualTo(new SecondFactorCheck.Wrong(2));
	}

	@Test
	void renewingRecoveryCodesVoidsTheOldSet() {
		var old = enrolWithRecoveryCodes(owner);
		var secret = secretOf(owner);

		var renewed = (RecoveryCodesRenewal.Renewed) inTransaction(
				() -> factors.regenerateRecoveryCodes(owner, new SecondFactorProof(appCode(secret), null)));

		assertThat(renewed.codes()).hasSize(10).doesNotContainAnyElementsOf(old);
		assertThat(require(owner, old.get(1))).isEqualTo(new SecondFactorCheck.Wrong(2));
		assertThat(require(owner, renewed.codes().get(1)).satisfied()).isTrue();
	}

	@Test
	void aCorrectCodeOpensTheGracePeriodOfItsSessionOnlyAndForThirtyMinutes() {
		var secret = enrolApp(owner);

		assertThat(inTransaction(() -> factors.require(owner, new SecondFactorProof(appCode(secret), "session-a")))
			.satisfied()).isTrue();

		assertThat(inTransaction(() -> factors.require(owner, new SecondFactorProof(null, "session-a"))).satisfied())
			.isTrue();
		assertThat(inTransaction(() -> factors.require(owner, new SecondFactorProof(null, "session-b"))))
			.isEqualTo(new SecondFactorCheck.Missing());
		clock.advance(Duration.ofMinutes(30));
		assertThat(inTransaction(() -> factors.require(owner, new SecondFactorProof(null, "session-a"))))
			.isEqualTo(new SecondFactorCheck.Missing());
	}

	@Test
	void anotherMethodCannotBeAddedWithoutACodeOfTheOneThatIsOn() {
		var secret = enrolApp(owner);

		assertThat(inTransaction(() -> factors.activate(owner, FactorType.EMAIL, SecondFactorProof.none())))
			.isEqualTo(new FactorActivation.Refused(new SecondFactorCheck.Missing()));
		assertThat(inTransaction(() -> factors.activate(owner, FactorType.TOTP, SecondFactorProof.none())))
			.isEqualTo(new FactorActivation.AlreadyEnabled());

		assertThat(inTransaction(
				() -> factors.activate(owner, FactorType.EMAIL, new SecondFactorProof(appCode(secret), null))))
			.isInstanceOf(FactorActivation.EmailCodeSent.class);
	}

	@Test
	void turningTheLastMethodOffNeedsACodeAndTakesTheRecoveryCodesWithIt() {
		var secret = enrolApp(owner);

		assertThat(inTransaction(() -> factors.deactivate(owner, FactorType.TOTP, SecondFactorProof.none())))
			.isEqualTo(new FactorDeactivation.Refused(new SecondFactorCheck.Missing()));
		assertThat(inTransaction(
				() -> factors.deactivate(owner, FactorType.TOTP, new SecondFactorProof(appCode(secret), null))))
			.isEqualTo(new FactorDeactivation.Deactivated());

		assertThat(factors.enabled(owner)).isFalse();
		assertThat(factors.recoveryCodesLeft(owner)).isZero();
		assertThat(require(owner, null).satisfied()).isTrue();
		assertThat(TestMailServer.mailTo(owner.recipient().email().value(), "sign-in method was removed")).isNotNull();
	}

	@Test
	void mailedCodesAreSentAtMostOncePerInterval() {
		inTransaction(() -> factors.activate(owner, FactorType.EMAIL, SecondFactorProof.none()));
		inTransaction(() -> factors.verifyActivation(owner, FactorType.EMAIL, lastMailedCode(owner, 1)));

		assertThat(inTransaction(() -> factors.trigger(owner, FactorType.EMAIL)))
			.isInstanceOf(CodeDelivery.TooSoon.class);
		clock.advance(Duration.ofSeconds(30));
		assertThat(inTransaction(() -> factors.trigger(owner, FactorType.EMAIL))).isInstanceOf(CodeDelivery.Sent.class);
	}

	@Test
	void staffRemovingEverySecondFactorIsAuditedAndMailed() {
		enrolApp(owner);

		assertThat(inTransaction(() -> factors.remove(owner, AuditActor.staff("admin@shop.example", null)))).isTrue();

		assertThat(factors.methods(owner)).allMatch((method) -> method.status() == FactorStatus.DISABLED);
		assertThat(factors.recoveryCodesLeft(owner)).isZero();
		assertThat(TestMailServer.mailTo(owner.recipient().email().value(), "second sign-in step was removed"))
			.isNotNull();
	}

	List<String> enrolWithRecoveryCodes(FactorOwner who) {
		var enrolment = (FactorActivation.TotpEnrolment) inTransaction(
				() -> factors.activate(who, FactorType.TOTP, SecondFactorProof.none()));
		var verified = (FactorVerification.Enabled) inTransaction(
				() -> factors.verifyActivation(who, FactorType.TOTP, appCode(new Base32().decode(enrolment.secret()))));
		clock.advance(Duration.ofSeconds(30));
		return verified.recoveryCodes();
	}

	byte[] secretOf(FactorOwner who) {
		return records.method(who, FactorType.TOTP).orElseThrow().secret();
	}

	static <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
		try (var pool = Executors.newFixedThreadPool(count)) {
			var tasks = new ArrayList<Callable<T>>();
			for (var i = 0; i < count; i++) {
				tasks.add(task);
			}
			var results = new ArrayList<T>();
			for (var future : pool.invokeAll(tasks)) {
				results.add(future.get());
			}
			return results;
		}
	}

}
