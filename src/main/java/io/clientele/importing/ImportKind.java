package io.clientele.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an uploaded file holds, and so which import reads it. */
public enum ImportKind {

	CUSTOMERS(CustomerImport.HEADER), ADDRESSES(AddressImport.HEADER), GROUPS(GroupImport.HEADER);

	private final List<String> header;

	ImportKind(List<String> header) {
		this.header = header;
	}

	/** The form's value: {@code customers}, {@code addresses}, {@code groups}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The first line a file of this kind must have. */
	public String header() {
		return String.join(",", header);
	}

	public static Optional<ImportKind> of(String value) {
		return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst();
	}

}
