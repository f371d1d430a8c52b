package io.clientele.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.clientele.groups.CustomerGroups;
import io.clientele.shared.CustomerReference;

/**
 * Reads the rows of a group file (a group a row: its name, its description, references of
 * customers to add) and checks them with the rules of the back office's group form, plus
 * the file's own: a name once in the file, well-formed references.
 */
final class GroupRows implements ImportRun.RowReader<GroupRows.Row> {

	static final List<String> HEADER = List.of("group_name", "description", "customer_references");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * A row to write.
	 *
	 * @param references the customers to add, each once, in the file's order
	 */
	record Row(long line, String name, @Nullable String description, List<CustomerReference> references) {
	}

	private final CustomerGroups groups;

	private final SeenKeys names = new SeenKeys();

	GroupRows(CustomerGroups groups) {
		this.groups = groups;
	}

	@Override
	public @Nullable Row read(long line, List<String> fields, ImportRun.Errors errors) {
		var name = fields.get(0).strip();
		var description = fields.get(1).isBlank() ? null : fields.get(1).strip();
		var failed = false;
		for (var violation : groups.check(name, description)) {
			failed = true;
			switch (violation.messageKey()) {
				case "group.name.required" -> errors.add("group_name", "is empty");
				case "group.name.too-long" ->
					errors.add("group_name", "is longer than " + violation.arguments().get(0) + " characters");
				case "group.description.too-long" ->
					errors.add("description", "is longer than " + violation.arguments().get(0) + " characters");
				default -> errors.add("description".equals(violation.field()) ? "description" : "group_name",
						violation.messageKey());
			}
		}
		var references = new LinkedHashSet<CustomerReference>();
		var malformed = new ArrayList<String>();
		var listed = fields.get(2).strip();
		if (!listed.isEmpty()) {
			for (var text : WHITESPACE.split(listed)) {
				try {
					references.add(CustomerReference.of(text));
				}
				catch (IllegalArgumentException ex) {
					malformed.add(text);
				}
			}
		}
		if (!malformed.isEmpty()) {
			failed = true;
			errors.add("customer_references",
					malformed.size() == 1 ? Reasons.notAReference(malformed.get(0))
							: Reasons.listed(malformed.stream().map(Reasons::quoted).toList())
									+ " are not customer references: a reference ends with a number, such as DE--21");
		}
		// a name the group form would take, whether or not the rest of the row is good
		if (!name.isEmpty() && name.length() <= CustomerGroups.MAX_NAME_LENGTH) {
			var first = names.firstLineOf(name.toLowerCase(Locale.ROOT), line);
			if (first != 0) {
				errors.add("group_name", "is already in line " + first);
				failed = true;
			}
		}
		return failed ? null : new Row(line, name, description, List.copyOf(references));
	}

}
