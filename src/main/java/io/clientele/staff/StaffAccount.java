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

	private final String displayName;

	private final StaffRole role;

	private final Instant createdAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	StaffAccount(UUID id, String email, String displayName, StaffRole role, Instant createdAt, @Nullable Long version) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.role = role;
		this.createdAt = createdAt;
		this.version = version;
	}

	static StaffAccount create(EmailAddress email, String displayName, StaffRole role, Instant now) {
		return new StaffAccount(UUID.randomUUID(), email.value(), displayName, role, now, null);
	}

	UUID id() {
		return id;
	}

	StaffSummary summary() {
		return new StaffSummary(id, EmailAddress.of(email), displayName, role, createdAt);
	}

}
