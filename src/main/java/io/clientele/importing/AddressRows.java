package io.clientele.importing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.clientele.address.AddressBook;
import io.clientele.address.AddressData;
import io.clientele.shared.CustomerReference;
import io.clientele.shared.Violation;

/**
 * Reads the rows of an address file (Spryker's address fields, one address a row) and
 * checks them with the address book's rules, plus the file's own: a reference in each
 * row, default flags Clientele understands, no address twice for one customer, one row at
 * most asking for each of a customer's defaults. The last two keep batches independent of
 * each other, as {@link ImportRun} writes several at once.
 */
final class AddressRows implements ImportRun.RowReader<AddressRows.Row> {

	/** Spryker's names of the address fields, with the customer's reference first. */
	static final List<String> HEADER = List.of("customer_reference", "salutation", "first_name", "last_name", "company",
			"address1", "address2", "address3", "zip_code", "city", "iso2_code", "phone", "is_default_billing",
			"is_default_shipping");

	// the address's fields and the columns they come from
	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("salutation", "salutation"),
			Map.entry("firstName", "first_name"), Map.entry("lastName", "last_name"), Map.entry("company", "company"),
			Map.entry("address1", "address1"), Map.entry("address2", "address2"), Map.entry("address3", "address3"),
			Map.entry("zipCode", "zip_code"), Map.entry("city", "city"), Map.entry("iso2Code", "iso2_code"),
			Map.entry("phone", "phone"));

	private static final String SALUTATIONS = "Mr, Mrs, Ms, Dr";

	/**
	 * A row to write.
	 *
	 * @param firstOfCustomer whether it is the first good row of its customer in the file
	 */
	record Row(long line, CustomerReference reference, AddressData address, boolean defaultBilling,
			boolean defaultShipping, boolean firstOfCustomer) {
	}

	private final AddressBook addresses;

	private final SeenKeys seen = new SeenKeys();

	private final SeenKeys customers = new SeenKeys();

	private final SeenKeys billingDefaults = new SeenKeys();

	private final SeenKeys shippingDefaults = new SeenKeys();

	AddressRows(AddressBook addresses) {
		this.addresses = addresses;
	}

	@Override
	public @Nullable Row read(long line, List<String> fields, ImportRun.Errors errors) {
		var failed = new boolean[1];
		ImportRun.Errors counting = (column, reason) -> {
			failed[0] = true;
			errors.add(column, reason);
		};
		var referenceText = fields.get(0).strip();
		CustomerReference reference = null;
		if (referenceText.isEmpty()) {
			counting.add("customer_reference", "is empty");
		}
		else {
			try {
				reference = CustomerReference.of(referenceText);
			}
			catch (IllegalArgumentException ex) {
				counting.add("customer_reference", Reasons.notAReference(referenceText));
			}
		}
		var address = new AddressData(fields.get(1).strip(), fields.get(2).strip(), fields.get(3).strip(),
				fields.get(5).strip(), fields.get(6).strip(), blankToNull(fields.get(7)), fields.get(8).strip(),
				fields.get(9).strip(), fields.get(10).strip(), blankToNull(fields.get(4)), blankToNull(fields.get(11)));
		for (var violation : addresses.check(address)) {
			var column = COLUMNS.getOrDefault(violation.field(), violation.field());
			var index = HEADER.indexOf(column);
			counting.add(column, reason(violation, index < 0 ? "" : fields.get(index).strip()));
		}
		var billing = flag(fields.get(12), "is_default_billing", counting);
		var shipping = flag(fields.get(13), "is_default_shipping", counting);
		if (failed[0] || reference == null) {
			return null;
		}
		var same = seen.firstLineOf(key(reference, address), line);
		if (same != 0) {
			errors.add(RowError.WHOLE_ROW, "is the same address as line " + same);
			return null;
		}
		var claimed = billing
				&& claimedBefore(billingDefaults, reference, line, "is_default_billing", "billing", errors);
		claimed |= shipping
				&& claimedBefore(shippingDefaults, reference, line, "is_default_shipping", "shipping", errors);
		if (claimed) {
			return null;
		}
		return new Row(line, reference, address, billing, shipping,
				customers.firstLineOf(reference.value(), line) == 0);
	}

	// A customer has one default of each kind: two rows asking for it contradict each
	// other (and could land in batches written at the same time).
	private static boolean claimedBefore(SeenKeys claims, CustomerReference reference, long line, String column,
			String kind, ImportRun.Errors errors) {
		var first = claims.firstLineOf(reference.value(), line);
		if (first == 0) {
			return false;
		}
		errors.add(column,
				"the default " + kind + " address of " + reference.value() + " is already the one in line " + first);
		return true;
	}

	// Equal addresses have equal keys: fields stripped, an empty optional field as none.
	private static String key(CustomerReference reference, AddressData address) {
		var key = new StringBuilder(reference.value());
		for (var field : List.of(address.salutation(), address.firstName(), address.lastName(), address.address1(),
				address.address2(), orEmpty(address.address3()), address.zipCode(), address.city(), address.iso2Code(),
				orEmpty(address.company()), orEmpty(address.phone()))) {
			key.append('\u001f').append(field);
		}
		return key.toString();
	}

	/** {@code 1/0}, {@code true/false}, {@code yes/no} in any case; empty is no. */
	private static boolean flag(String text, String column, ImportRun.Errors errors) {
		var value = text.strip().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "1", "true", "yes" -> true;
			case "", "0", "false", "no" -> false;
			default -> {
				errors.add(column, Reasons.quoted(text.strip()) + " is not 1, 0, true, false, yes or no");
				yield false;
			}
		};
	}

	private static String reason(Violation violation, String value) {
		return switch (violation.messageKey()) {
			case "salutation.invalid" -> value.isEmpty() ? "is empty; expected one of " + SALUTATIONS
					: Reasons.quoted(value) + " is not one of " + SALUTATIONS;
			case "country.invalid" -> value.isEmpty() ? "is empty; expected a two-letter country code, such as DE"
					: Reasons.quoted(value) + " is not a two-letter country code (ISO 3166-1, upper case), such as DE";
			case "address.required" -> "is empty";
			case "address.too-short" -> "is shorter than " + violation.arguments().get(0) + " characters";
			case "address.too-long" -> "is longer than " + violation.arguments().get(0) + " characters";
			default -> violation.messageKey();
		};
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

}
