package io.clientele.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.clientele.shared.CustomerReference;

/**
 * One customer of a bulk import, checked by the caller with
 * {@link CustomerManagement#check(RegisterCustomer)}.
 *
 * @param line where the customer came from (a file's line number); outcomes refer to it
 * @param reference the customer to create or update; without one, the customer with this
 * address, or a new one with the next reference
 * @param data the profile; the file is the truth for every field but the locale
 * @param keepLocale whether an existing customer keeps their language (the file had none)
 * @param confirmedAt when the address was confirmed; a confirmed address stays confirmed
 * @param withLogin whether the customer gets a password with this import
 */
public record ImportedCustomer(long line, @Nullable CustomerReference reference, RegisterCustomer data,
		boolean keepLocale, @Nullable Instant confirmedAt, boolean withLogin) {
}
