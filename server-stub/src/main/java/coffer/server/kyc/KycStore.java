package coffer.server.kyc;

import coffer.core.kyc.KycStatus;
import coffer.server.db.Database;
import coffer.server.db.Jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code kyc_submissions}. Small autocommit writes outside the ledger (the status change itself goes
 * through {@code LedgerService.setKyc}), each safe under concurrency on its own: a unique index keeps
 * one pending submission per user.
 */
final class KycStore {
    private static final String COLUMNS = "id, env_id, user_id, full_name, date_of_birth, country, document_type, "
            + "document_last4, submitted_at";

    private final Jdbc jdbc;

    KycStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Stores a new pending submission; false when the user already has one pending. */
    boolean insertPending(KycSubmission s) {
        KycApplication a = s.application();
        return jdbc.update("INSERT INTO kyc_submissions (" + COLUMNS + ", status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", s.id(), s.envId(), s.userId(), a.fullName(), a.dateOfBirth().toString(),
                a.country(), a.documentType(), a.documentLast4(), s.submittedAt().toEpochMilli(),
                KycStatus.PENDING.wireName()) == 1;
    }

    /** Records the decision of a pending submission; false if it was no longer pending. */
    boolean decide(String id, KycStatus status, String reason, Instant at) {
        return jdbc.update("UPDATE kyc_submissions SET status = ?, reason = ?, decided_at = ? WHERE id = ? AND status = ?",
                status.wireName(), reason, at.toEpochMilli(), id, KycStatus.PENDING.wireName()) == 1;
    }

    /** Records the operator's decision on every submission of the user still pending. */
    void decideAll(String envId, String userId, KycStatus status, String reason, Instant at) {
        jdbc.update("UPDATE kyc_submissions SET status = ?, reason = ?, decided_at = ? WHERE env_id = ? AND user_id = ? AND status = ?",
                status.wireName(), reason, at.toEpochMilli(), envId, userId, KycStatus.PENDING.wireName());
    }

    /** Forgets a submission the ledger refused to start (the user's status changed meanwhile). */
    void delete(String id) {
        jdbc.update("DELETE FROM kyc_submissions WHERE id = ?", id);
    }

    /** Every submission still waiting for a decision, oldest first (to resume after a restart). */
    List<KycSubmission> pending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM kyc_submissions WHERE status = ? ORDER BY submitted_at, id",
                rs -> new KycSubmission(rs.getString(1), rs.getString(2), rs.getString(3),
                        new KycApplication(rs.getString(4), LocalDate.parse(rs.getString(5)), rs.getString(6),
                                rs.getString(7), rs.getString(8)),
                        Instant.ofEpochMilli(rs.getLong(9))), KycStatus.PENDING.wireName());
    }
}
