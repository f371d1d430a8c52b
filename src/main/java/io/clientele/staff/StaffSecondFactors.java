package io.clientele.staff;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.clientele.audit.AuditActor;
import io.clientele.multifactor.FactorActivation;
import io.clientele.multifactor.FactorDeactivation;
import io.clientele.multifactor.FactorMethod;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorType;
import io.clientele.multifactor.FactorVerification;
import io.clientele.multifactor.RecoveryCodesRenewal;
import io.clientele.multifactor.SecondFactorCheck;
import io.clientele.multifactor.SecondFactorProof;
import io.clientele.multifactor.SecondFactors;
import io.clientele.notification.Recipient;
import io.clientele.shared.EmailAddress;

/**
 * Staff members' second factor: an authenticator app (TOTP) and its recovery codes, never
 * mailed codes. Which roles must have one is {@link StaffSecondFactorSettings}; counting
 * wrong codes, locking, auditing and the mails are the multi-factor module's. Every code
 * a staff member types is checked afresh: the back office opens no grace period, so
 * renewing recovery codes or turning the app off always needs a current code.
 */
@Component
public class StaffSecondFactors {

	private final StaffAccounts accounts;

	private final SecondFactors factors;

	private final StaffSecondFactorSettings settings;

	StaffSecondFactors(StaffAccounts accounts, SecondFactors factors, StaffSecondFactorSettings settings) {
		this.accounts = accounts;
		this.factors = factors;
		this.settings = settings;
	}

	/** Whether staff of the role must have an authenticator app. */
	public boolean required(StaffRole role) {
		return settings.of(role) == SecondFactorRequirement.REQUIRED;
	}

	/**
	 * What the login of a staff member whose password was right needs next: a code when
	 * they have a second factor, enrolment when their role requires one they lack.
	 */
	@Transactional(readOnly = true)
	public StaffSignInStep afterPassword(StaffPrincipal staff) {
		var account = account(staff.staffId());
		if (factors.enabled(owner(account))) {
			return StaffSignInStep.CODE;
		}
		return required(account.role()) ? StaffSignInStep.ENROL : StaffSignInStep.NONE;
	}

	/**
	 * Checks the code of the login's second step: an app code (each works once) or a
	 * recovery code; wrong ones are counted, three reset the flow.
	 */
	@Transactional
	public SecondFactorCheck verifySignIn(StaffPrincipal staff, @Nullable String code) {
		return factors.require(owner(account(staff.staffId())), new SecondFactorProof(code, null));
	}

	/** A new authenticator secret to scan, replacing one not yet confirmed. */
	@Transactional
	public FactorActivation startEnrolment(StaffPrincipal staff) {
		return factors.activate(owner(account(staff.staffId())), FactorType.TOTP, SecondFactorProof.none());
	}

	/** Turns the app on with its first code; brings the recovery codes, shown once. */
	@Transactional
	public FactorVerification confirmEnrolment(StaffPrincipal staff, @Nullable String code) {
		return factors.verifyActivation(owner(account(staff.staffId())), FactorType.TOTP, code);
	}

	@Transactional(readOnly = true)
	public StaffFactorStatus status(StaffPrincipal staff) {
		var account = account(staff.staffId());
		var owner = owner(account);
		var app = factors.methods(owner)
			.stream()
			.filter(method -> method.type() == FactorType.TOTP && method.enabled())
			.findFirst();
		return new StaffFactorStatus(factors.enabled(owner), app.map(FactorMethod::enabledAt).orElse(null),
				factors.recoveryCodesLeft(owner), required(account.role()));
	}

	/** A new set of recovery codes for a current app code; the old set stops working. */
	@Transactional
	public RecoveryCodesRenewal regenerateRecoveryCodes(StaffPrincipal staff, @Nullable String code) {
		return factors.regenerateRecoveryCodes(owner(account(staff.staffId())), new SecondFactorProof(code, null));
	}

	/**
	 * Turns the app off for a current code (its recovery codes go with it).
	 * @throws StaffChangeRefused when the staff member's role requires it
	 */
	@Transactional
	public FactorDeactivation turnOff(StaffPrincipal staff, @Nullable String code) {
		var account = account(staff.staffId());
		if (required(account.role())) {
			throw new StaffChangeRefused("staff.refused.second-factor-required");
		}
		return factors.deactivate(owner(account), FactorType.TOTP, new SecondFactorProof(code, null));
	}

	/** The staff member's methods and their state, for an admin's eyes (no secrets). */
	@Transactional(readOnly = true)
	public List<FactorMethod> methods(UUID staffId) {
		return factors.methods(owner(account(staffId)));
	}

	/**
	 * An admin removes every second factor of another staff member who lost theirs
	 * (Spryker's "remove MFA"); audited and mailed to them. If their role requires one,
	 * they enrol again at their next login. False if they had none.
	 * @throws StaffChangeRefused for the acting admin's own factors (they turn theirs off
	 * on their security page, with a code)
	 */
	@Transactional
	public boolean remove(UUID staffId, UUID actingStaffId, AuditActor actor) {
		var account = account(staffId);
		if (account.id().equals(actingStaffId)) {
			throw new StaffChangeRefused("staff.refused.own-second-factors");
		}
		return factors.remove(owner(account), actor);
	}

	private StaffAccount account(UUID staffId) {
		return accounts.account(staffId).orElseThrow(() -> new StaffNotFound(staffId));
	}

	// staff read the back office in English or German, but have no language of their
	// own yet: their mails are in English
	private static FactorOwner owner(StaffAccount account) {
		return FactorOwner.staff(account.id(),
				new Recipient(EmailAddress.of(account.email()), account.displayName(), Locale.ENGLISH, null));
	}

}
