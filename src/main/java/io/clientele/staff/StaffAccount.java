package io.clientele.staff;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.clientele.shared.EmailAddress;

@Table("staff_account")
class StaffAccount {

	@Id
	private final UUID id;

	private final String email;

	private String displayName;

	private StaffRole role;

	private final Instant createdAt;

	private @Nullable Instant deactivatedAt;

	// sessions signed in under an older generation are over (see StaffLogin.current)
	private int sessionGeneration;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	StaffAccount(UUID id, String email, String displayName, StaffRole role, Instant createdAt,
			@Nullable Instant deactivatedAt, int sessionGeneration, @Nullable Long version) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.role = role;
		this.createdAt = createdAt;
		this.deactivatedAt = deactivatedAt;
		this.sessionGeneration = sessionGeneration;
		this.version = version;
	}

	static StaffAccount create(EmailAddress email, String displayName, StaffRole role, Instant now) {
		return new StaffAccount(UUID.randomUUID(), email.value(), displayName, role, now, null, 0, null);
	}

	UUID id() {
		return id;
	}

	String email() {
		return email;
	}

	StaffRole role() {
		return role;
	}

	boolean active() {
		return deactivatedAt == null;
	}

	boolean isActiveAdmin() {
		return active() && role == StaffRole.ADMIN;
	}

	long version() {
		return version == null ? 0 : version;
	}

	void change(String displayName, StaffRole role) {
		this.displayName = displayName;
		this.role = role;
	}

	/** Deactivating a deactivated account does nothing. */
	void deactivate(Instant now) {
		if (active()) {
			deactivatedAt = now;
			sessionGeneration++;
		}
	}

	void reactivate() {
		deactivatedAt = null;
	}

	StaffPrincipal principal() {
		return principal(false);
	}

	StaffPrincipal principal(boolean passwordOutdated) {
		return new StaffPrincipal(id, email, displayName, role, sessionGeneration, passwordOutdated);
	}

	String displayName() {
		return displayName;
	}

	StaffSummary summary() {
		return new StaffSummary(id, EmailAddress.of(email), displayName, role, createdAt, deactivatedAt, version());
	}

}
