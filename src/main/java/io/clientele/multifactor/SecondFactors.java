package io.clientele.multifactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.customer.CustomerAnonymized;
import io.clientele.notification.CustomerMails;

/**
 * Second factors of customers and staff: turning methods on and off, sending e-mailed
 * codes, and checking the code a protected action brings. Every check takes a row lock on
 * the owner's flow first, so parallel guesses on any number of nodes are counted one
 * after the other: after {@code maxWrongCodes} wrong codes the flow resets and every
 * mailed code is void (Spryker's rule); after {@code maxResets} resets the step is locked
 * for {@code lockDuration}. A correct code opens a grace period for the session or token
 * family it came with.
 * <p>
 * Methods join the caller's transaction and answer refusals as values, never by throwing,
 * so that the counts commit with the caller's work.
 */
@Component
public class SecondFactors {

	private static final int LIVE_EMAIL_CODES = 5;

	private static final Duration IDLE_FLOW = Duration.ofDays(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final FactorRecords records;

	private final MultiFactorSettings settings;

	private final CustomerMails mails;

	private final AuditTrail audit;

	private final Clock clock;

	SecondFactors(FactorRecords records, MultiFactorSettings settings, CustomerMails mails, AuditTrail audit,
			Clock clock) {
		this.records = records;
		this.settings = settings;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every method Clientele offers, with its state for the owner. */
	@Transactional(readOnly = true)
	public List<FactorMethod> methods(FactorOwner owner) {
		var found = new EnumMap<FactorType, FactorMethod>(FactorType.class);
		for (var each : FactorType.values()) {
			found.put(each, new FactorMethod(each, FactorStatus.DISABLED, null));
		}
		for (var method : records.methods(owner)) {
			found.put(method.type(), new FactorMethod(method.type(), method.status(), method.enabledAt()));
		}
		return List.copyOf(found.values());
	}

	/** Whether the owner has at least one method on. */
	@Transactional(readOnly = true)
	public boolean enabled(FactorOwner owner) {
		return records.anyEnabled(owner.kind(), owner.id());
	}

	/** Whether the customer has at least one method on. */
	@Transactional(readOnly = true)
	public boolean customerEnabled(UUID customerId) {
		return records.anyEnabled(FactorOwner.Kind.CUSTOMER, customerId);
	}

	/** Whether the staff member has at least one method on. */
	@Transactional(readOnly = true)
	public boolean staffEnabled(UUID staffId) {
		return records.anyEnabled(FactorOwner.Kind.STAFF, staffId);
	}

	/**
	 * Whether a protected action of the owner in this session or token family must bring
	 * a code now: a method is on and the grace period does not cover it. Changes nothing
	 * and sends nothing, so that a form can decide whether to show a code field.
	 */
	@Transactional(readOnly = true)
	public boolean codeNeeded(FactorOwner owner, @Nullable String graceKey) {
		return records.anyEnabled(owner.kind(), owner.id())
				&& (graceKey == null || !records.inGrace(owner, graceKey, now()));
	}

	/** How many unused recovery codes the owner has. */
	@Transactional(readOnly = true)
	public int recoveryCodesLeft(FactorOwner owner) {
		return records.liveRecoveryCodes(owner);
	}

	/**
	 * Starts turning a method on: mails a code, or makes a new app secret. When another
	 * method is on already, {@code proof} must carry a code of it (or fall in the grace
	 * period): nobody with only a session adds their own authenticator.
	 */
	@Transactional
	public FactorActivation activate(FactorOwner owner, FactorType type, SecondFactorProof proof) {
		var current = records.method(owner, type);
		if (current.isPresent() && current.get().status() == FactorStatus.ENABLED) {
			return new FactorActivation.AlreadyEnabled();
		}
		var check = require(owner, proof);
		if (!check.satisfied()) {
			return new FactorActivation.Refused(check);
		}
		var now = now();
		if (type == FactorType.EMAIL) {
			var flow = records.lockFlow(owner, now);
			if (locked(flow, now)) {
				return new FactorActivation.Refused(
						new SecondFactorCheck.Locked(Duration.between(now, flow.lockedUntil())));
			}
			var wait = waitForNextCode(owner, now);
			if (!wait.isZero()) {
				return new FactorActivation.TooSoon(wait);
			}
			records.startActivation(owner, type, null, now);
			sendCode(owner, now);
			return new FactorActivation.EmailCodeSent(settings.emailCodeValidity());
		}
		var secret = Totp.newSecret();
		records.startActivation(owner, type, secret, now);
		var uri = Totp.uri(settings.issuer(), owner.recipient().email().value(), secret);
		return new FactorActivation.TotpEnrolment(Totp.base32(secret), uri, QrCodes.dataUri(uri));
	}

	/**
	 * Turns the method on with a code of it: the mailed code, or the app's. The first
	 * method brings a set of recovery codes, shown once.
	 */
	@Transactional
	public FactorVerification verifyActivation(FactorOwner owner, FactorType type, @Nullable String code) {
		var method = records.method(owner, type);
		if (method.isEmpty() || method.get().status() != FactorStatus.ACTIVATING) {
			return new FactorVerification.NotActivating();
		}
		var check = check(owner, code, method.get(), false);
		if (!check.satisfied()) {
			return new FactorVerification.Refused(check);
		}
		var now = now();
		records.enable(owner, type, now);
		List<String> recoveryCodes = List.of();
		if (records.liveRecoveryCodes(owner) == 0) {
			recoveryCodes = RecoveryCodes.generate(settings.recoveryCodes());
			records.replaceRecoveryCodes(owner, recoveryCodes, now);
		}
		audit.record(AuditType.MFA_ENABLED, owner.auditedCustomer(), owner.self(), type.glueName());
		mails.signInMethodAdded(owner.recipient(), type.glueName());
		return new FactorVerification.Enabled(type, recoveryCodes);
	}

	/** Turns a method off; needs a code of an enabled method (or the grace period). */
	@Transactional
	public FactorDeactivation deactivate(FactorOwner owner, FactorType type, SecondFactorProof proof) {
		var method = records.method(owner, type);
		if (method.isEmpty()) {
			return new FactorDeactivation.NotEnabled();
		}
		if (method.get().status() == FactorStatus.ACTIVATING) {
			// never on: nothing is protected by it, so no code is asked
			records.delete(owner, type);
			return new FactorDeactivation.Deactivated();
		}
		var check = require(owner, proof);
		if (!check.satisfied()) {
			return new FactorDeactivation.Refused(check);
		}
		records.delete(owner, type);
		if (!records.anyEnabled(owner.kind(), owner.id())) {
			records.deleteRecoveryCodes(owner);
			records.deleteEmailCodes(owner);
		}
		audit.record(AuditType.MFA_DISABLED, owner.auditedCustomer(), owner.self(), type.glueName());
		mails.signInMethodRemoved(owner.recipient(), type.glueName());
		return new FactorDeactivation.Deactivated();
	}

	/** Mails a code of the e-mail method (Spryker's trigger); an app needs none. */
	@Transactional
	public CodeDelivery trigger(FactorOwner owner, FactorType type) {
		var method = records.method(owner, type);
		if (method.isEmpty() || method.get().status() != FactorStatus.ENABLED) {
			return new CodeDelivery.NotEnabled();
		}
		if (type == FactorType.TOTP) {
			return new CodeDelivery.NothingToSend();
		}
		var now = now();
		var flow = records.lockFlow(owner, now);
		if (locked(flow, now)) {
			return new CodeDelivery.Locked(Duration.between(now, flow.lockedUntil()));
		}
		var wait = waitForNextCode(owner, now);
		if (!wait.isZero()) {
			return new CodeDelivery.TooSoon(wait);
		}
		sendCode(owner, now);
		return new CodeDelivery.Sent(settings.emailCodeValidity());
	}

	/**
	 * Checks the second factor of a protected action: passes an owner without enabled
	 * methods, a session or token family in its grace period, and a correct code of any
	 * enabled method or a recovery code; counts a wrong one. When no code came and the
	 * mail is the owner's only method, a code goes out (at most once per interval), so
	 * that the prompt that follows has one to ask for.
	 */
	@Transactional
	public SecondFactorCheck require(FactorOwner owner, SecondFactorProof proof) {
		if (!records.anyEnabled(owner.kind(), owner.id())) {
			return new SecondFactorCheck.Satisfied(false);
		}
		var now = now();
		if (proof.graceKey() != null && records.inGrace(owner, proof.graceKey(), now)) {
			return new SecondFactorCheck.Satisfied(false);
		}
		if (!proof.hasCode()) {
			mailCodeIfOnlyMethod(owner);
			return new SecondFactorCheck.Missing();
		}
		var check = check(owner, proof.code(), null, true);
		if (check.satisfied() && proof.graceKey() != null) {
			records.openGrace(owner, proof.graceKey(), now.plus(settings.gracePeriod()));
		}
		return check;
	}

	/**
	 * Opens the grace period for a session or token family whose owner just proved their
	 * second factor another way (a passkey with user verification).
	 */
	@Transactional
	public void grant(FactorOwner owner, String graceKey) {
		records.openGrace(owner, graceKey, now().plus(settings.gracePeriod()));
	}

	/** A new set of recovery codes, shown once; the old set stops working. */
	@Transactional
	public RecoveryCodesRenewal regenerateRecoveryCodes(FactorOwner owner, SecondFactorProof proof) {
		if (!records.anyEnabled(owner.kind(), owner.id())) {
			return new RecoveryCodesRenewal.NoSecondFactor();
		}
		var check = require(owner, proof);
		if (!check.satisfied()) {
			return new RecoveryCodesRenewal.Refused(check);
		}
		var codes = RecoveryCodes.generate(settings.recoveryCodes());
		records.replaceRecoveryCodes(owner, codes, now());
		audit.record(AuditType.RECOVERY_CODES_REGENERATED, owner.auditedCustomer(), owner.self(), null);
		return new RecoveryCodesRenewal.Renewed(codes);
	}

	/**
	 * Shop staff remove every second factor of an owner who lost them (Spryker's "remove
	 * MFA"); audited and mailed to the owner. False if there was none.
	 */
	@Transactional
	public boolean remove(FactorOwner owner, AuditActor staff) {
		if (records.methods(owner).isEmpty()) {
			return false;
		}
		records.forget(owner.kind(), owner.id());
		audit.record(AuditType.MFA_REMOVED, owner.auditedCustomer(), staff,
				owner.kind() == FactorOwner.Kind.STAFF ? owner.recipient().email().value() : null);
		mails.secondFactorsReset(owner.recipient());
		return true;
	}

	/**
	 * Deletes expired codes, grace periods and idle flows; one node at a time (a node
	 * that finds another purging skips its turn and answers 0).
	 */
	@Scheduled(initialDelayString = "${clientele.mfa.purge-interval:10m}",
			fixedDelayString = "${clientele.mfa.purge-interval:10m}")
	@Transactional
	public int purge() {
		if (!records.claimPurge()) {
			return 0;
		}
		var now = now();
		return records.purge(now, now.minus(IDLE_FLOW));
	}

	@EventListener
	void on(CustomerAnonymized event) {
		records.forget(FactorOwner.Kind.CUSTOMER, event.customerId().value());
	}

	private void mailCodeIfOnlyMethod(FactorOwner owner) {
		var enabled = records.methods(owner)
			.stream()
			.filter((method) -> method.status() == FactorStatus.ENABLED)
			.toList();
		if (enabled.size() == 1 && enabled.get(0).type() == FactorType.EMAIL) {
			trigger(owner, FactorType.EMAIL);
		}
	}

	// Checks a code under the flow's lock: of the activating method only, or of every
	// enabled method and the recovery codes.
	private SecondFactorCheck check(FactorOwner owner, @Nullable String typed, FactorRecords.@Nullable Method only,
			boolean recovery) {
		var now = now();
		var flow = records.lockFlow(owner, now);
		if (locked(flow, now)) {
			return new SecondFactorCheck.Locked(Duration.between(now, flow.lockedUntil()));
		}
		var code = typed == null ? "" : typed.strip().replace(" ", "");
		if (code.isEmpty()) {
			return new SecondFactorCheck.Missing();
		}
		var sixDigits = code.matches("[0-9]{6}");
		var recoveryCode = RecoveryCodes.normalize(code);
		var recoveryShape = recovery && RecoveryCodes.looksLikeOne(recoveryCode);
		if (!sixDigits && !recoveryShape) {
			return new SecondFactorCheck.Malformed();
		}
		var methods = only != null ? List.of(only)
				: records.methods(owner).stream().filter((method) -> method.status() == FactorStatus.ENABLED).toList();
		var right = false;
		var recoveryUsed = false;
		if (sixDigits) {
			for (var method : methods) {
				if (right) {
					break;
				}
				right = method.type() == FactorType.TOTP ? totpMatches(owner, method, code, now)
						: records.useEmailCode(owner, code, now);
			}
		}
		else {
			right = recoveryUsed = records.useRecoveryCode(owner, recoveryCode, now);
		}
		if (right) {
			records.saveFlow(owner, new FactorRecords.Flow(0, 0, null), now);
			if (recoveryUsed) {
				var left = records.liveRecoveryCodes(owner);
				audit.record(AuditType.RECOVERY_CODE_USED, owner.auditedCustomer(), owner.self(), null);
				mails.recoveryCodeUsed(owner.recipient(), left);
			}
			return new SecondFactorCheck.Satisfied(recoveryUsed);
		}
		return countWrong(owner, flow, now);
	}

	private boolean totpMatches(FactorOwner owner, FactorRecords.Method method, String code, Instant now) {
		if (method.secret() == null) {
			return false;
		}
		var lastStep = method.lastStep() == null ? Long.MIN_VALUE : method.lastStep();
		var step = Totp.match(method.secret(), code, now, lastStep);
		return step.isPresent() && records.useStep(owner, method.type(), step.getAsLong());
	}

	private SecondFactorCheck countWrong(FactorOwner owner, FactorRecords.Flow flow, Instant now) {
		var wrong = flow.wrongCodes() + 1;
		if (wrong < settings.maxWrongCodes()) {
			records.saveFlow(owner, new FactorRecords.Flow(wrong, flow.resets(), null), now);
			return new SecondFactorCheck.Wrong(settings.maxWrongCodes() - wrong);
		}
		records.deleteEmailCodes(owner);
		var resets = flow.resets() + 1;
		if (resets < settings.maxResets()) {
			records.saveFlow(owner, new FactorRecords.Flow(0, resets, null), now);
			audit.record(AuditType.MFA_FLOW_RESET, owner.auditedCustomer(), owner.self(), null);
			return new SecondFactorCheck.FlowReset();
		}
		var until = now.plus(settings.lockDuration());
		records.saveFlow(owner, new FactorRecords.Flow(0, 0, until), now);
		audit.record(AuditType.MFA_LOCKED, owner.auditedCustomer(), owner.self(), null);
		return new SecondFactorCheck.Locked(settings.lockDuration());
	}

	// PostgreSQL keeps microseconds: comparing at that precision keeps boundaries exact
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static boolean locked(FactorRecords.Flow flow, Instant now) {
		return flow.lockedUntil() != null && flow.lockedUntil().isAfter(now);
	}

	private Duration waitForNextCode(FactorOwner owner, Instant now) {
		var last = records.lastEmailCodeSent(owner);
		if (last.isEmpty()) {
			return Duration.ZERO;
		}
		var next = last.get().plus(settings.emailCodeInterval());
		return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
	}

	private void sendCode(FactorOwner owner, Instant now) {
		var code = "%06d".formatted(RANDOM.nextInt(1_000_000));
		records.addEmailCode(owner, code, now, now.plus(settings.emailCodeValidity()), LIVE_EMAIL_CODES);
		mails.secondFactorCode(owner.recipient(), code, settings.emailCodeValidity());
	}

}
