package io.clientele.groups;

/**
 * What a batch of a group import did.
 *
 * @param created groups created
 * @param updated groups whose description changed or that gained members
 * @param unchanged groups already as the import describes them
 */
public record ImportedGroups(long created, long updated, long unchanged) {
}
