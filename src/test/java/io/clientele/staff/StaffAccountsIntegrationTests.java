package io.clientele.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.clientele.shared.EmailAddress;
import io.clientele.shared.InvalidInput;

/** The staff accounts' own rules, whoever calls them. */
@SpringBootTest
class StaffAccountsIntegrationTests {

	static final String PASSWORD = "violet-lantern-orchard-3";

	@Autowired
	StaffAccounts staff;

	@Autowired
	StaffLogin login;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	StaffSummary member(StaffRole role) {
		var email = "staff-" + UUID.randomUUID().toString().substring(0, 13) + "@clientele.example";
		return staff.create(EmailAddress.of(email), "Pat Person", role, PASSWORD);
	}

	/** Deactivates every other admin of the shared test database for the body's time. */
	void withOnlyTheseActiveAdmins(List<StaffSummary> admins, Runnable body) {
		var others = jdbc
			.sql("update staff_account set deactivated_at = now()"
					+ " where role = 'ADMIN' and deactivated_at is null and id not in (:ids) returning id")
			.param("ids", admins.stream().map(StaffSummary::id).toList())
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
	void theLastActiveAdminStaysWhoeverAsks() {
		var last = member(StaffRole.ADMIN);
		var someoneElse = UUID.randomUUID();

		withOnlyTheseActiveAdmins(List.of(last), () -> {
			assertThatThrownBy(() -> staff.deactivate(last.id(), someoneElse)).isInstanceOf(StaffChangeRefused.class)
				.extracting(ex -> ((StaffChangeRefused) ex).messageKey())
				.isEqualTo("staff.refused.last-admin");
			assertThatThrownBy(() -> staff
				.change(new ChangeStaffMember(last.id(), last.version(), "Pat Person", StaffRole.SUPPORT), someoneElse))
				.isInstanceOf(StaffChangeRefused.class);
		});
		assertThat(staff.find(last.id()).orElseThrow().role()).isEqualTo(StaffRole.ADMIN);
	}

	@Test
	void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
		var first = member(StaffRole.ADMIN);
		var second = member(StaffRole.ADMIN);
		var executor = Executors.newFixedThreadPool(2);

		withOnlyTheseActiveAdmins(List.of(first, second), () -> {
			var firstDemotedUncommitted = new CountDownLatch(1);
			// the first demotion holds its transaction open while the second one runs
			var firstDemotion = executor.submit(() -> transaction.execute(status -> {
				var done = demoted(() -> staff.change(demotion(second), first.id()));
				firstDemotedUncommitted.countDown();
				pause(Duration.ofMillis(500));
				return done;
			}));
			await(firstDemotedUncommitted);
			var secondDemotion = executor.submit(() -> demoted(() -> staff.change(demotion(first), second.id())));

			assertThat(List.of(result(firstDemotion), result(secondDemotion))).containsExactly(true, false);
			assertThat(staff.find(first.id()).orElseThrow().role()).isEqualTo(StaffRole.ADMIN);
			assertThat(staff.find(second.id()).orElseThrow().role()).isEqualTo(StaffRole.SUPPORT);
		});
		executor.shutdown();
	}

	private static ChangeStaffMember demotion(StaffSummary admin) {
		return new ChangeStaffMember(admin.id(), admin.version(), admin.displayName(), StaffRole.SUPPORT);
	}

	private static boolean demoted(Runnable change) {
		try {
			change.run();
			return true;
		}
		catch (StaffChangeRefused ex) {
			return false;
		}
	}

	private static <T> T result(Future<T> future) {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@Test
	void aNewStaffMemberGetsEveryViolationAtOnce() {
		var member = new CreateStaffMember("no address", " ", null, "short");

		assertThatThrownBy(() -> staff.create(member)).isInstanceOf(InvalidInput.class)
			.extracting(ex -> ((InvalidInput) ex).violations().stream().map(v -> v.field()).distinct().toList())
			.isEqualTo(List.of("email", "displayName", "role", "password"));
	}

	@Test
	void aDisplayNameHasAtMostOneHundredCharacters() {
		var atLimit = "é".repeat(StaffAccounts.DISPLAY_NAME_MAX_LENGTH);
		var email = "staff-" + UUID.randomUUID().toString().substring(0, 13) + "@clientele.example";

		var created = staff.create(new CreateStaffMember(email, atLimit, StaffRole.SUPPORT, PASSWORD));

		assertThat(created.displayName()).isEqualTo(atLimit);
		assertThatThrownBy(() -> staff.change(
				new ChangeStaffMember(created.id(), created.version(), atLimit + "é", StaffRole.SUPPORT),
				UUID.randomUUID()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("staff.display-name.too-long");
	}

	@Test
	void aSessionSignedInBeforeADeactivationStaysOverAfterTheReactivation() {
		var member = member(StaffRole.SUPPORT);
		var signedIn = ((io.clientele.authentication.LoginOutcome.Succeeded<StaffPrincipal>) login
			.attempt(member.email().value(), PASSWORD, io.clientele.credentials.LoginAttempt.unknownClient()))
			.principal();

		staff.deactivate(member.id(), UUID.randomUUID());
		staff.reactivate(member.id());

		assertThat(login.current(signedIn)).isEmpty();
		var again = ((io.clientele.authentication.LoginOutcome.Succeeded<StaffPrincipal>) login
			.attempt(member.email().value(), PASSWORD, io.clientele.credentials.LoginAttempt.unknownClient()))
			.principal();
		assertThat(login.current(again)).contains(again);
	}

}
