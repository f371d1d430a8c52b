package io.clientele.groups;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A group with how many customers belong to it. */
public record CustomerGroup(UUID id, String name, @Nullable String description, long members) {
}
