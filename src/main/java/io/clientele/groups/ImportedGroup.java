package io.clientele.groups;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.clientele.customer.CustomerId;

/**
 * One group of a bulk import, checked by the caller with {@link CustomerGroups#check}.
 *
 * @param line where it came from (a file's line number)
 * @param name the group to create, or to update when a group has this name in any case
 * @param description the group's description; none when null
 * @param members customers to add (existing members stay)
 */
public record ImportedGroup(long line, String name, @Nullable String description, List<CustomerId> members) {

	public ImportedGroup {
		members = List.copyOf(members);
	}

}
