package coffer.server.ledger;

import java.time.Instant;

/** One audited change: who changed which field of what, from what to what, and why. */
public record AuditEntry(Instant at, String actor, String subjectType, String subjectId, String field,
                         String oldValue, String newValue, String reason) {
}
