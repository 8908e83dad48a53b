package coffer.server.kyc;

import java.time.Instant;

/** One stored submission awaiting a decision: who, and what (without the full document number). */
record KycSubmission(String id, String envId, String userId, KycApplication application, Instant submittedAt) {
}
