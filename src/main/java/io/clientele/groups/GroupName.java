package io.clientele.groups;

import java.util.UUID;

/** A group's id and name, for lists to choose from. */
public record GroupName(UUID id, String name) {
}
