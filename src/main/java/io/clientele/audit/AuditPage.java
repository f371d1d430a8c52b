package io.clientele.audit;

import java.util.List;

/** One page of entries, newest first, and whether older ones follow. */
public record AuditPage(List<AuditEntry> entries, int offset, int limit, boolean more) {
}
