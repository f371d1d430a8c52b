package io.clientele.customer;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a customer's profile; a null field stays as it is. The same rules as at
 * registration apply to the result.
 */
public record ChangeProfile(@Nullable String salutation, @Nullable String firstName, @Nullable String lastName,
		@Nullable String gender, @Nullable LocalDate dateOfBirth, @Nullable String phone, @Nullable String company) {
}
