package coffer.server.kyc;

import coffer.core.kyc.KycStatus;
import coffer.server.db.Database;
import coffer.server.ledger.LedgerUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kyc_submissions}. Small autocommit writes outside the ledger (the status change itself goes
 * through {@code LedgerService.setKyc}), each safe under concurrency on its own: a unique index keeps
 * one pending submission per user.
 */
final class KycStore {
    private static final String COLUMNS = "id, env_id, user_id, full_name, date_of_birth, country, document_type, "
            + "document_last4, submitted_at";

    private final Database database;

    KycStore(Database database) {
        this.database = database;
    }

    /** Stores a new pending submission; false when the user already has one pending. */
    boolean insertPending(KycSubmission s) {
        KycApplication a = s.application();
        return update("INSERT INTO kyc_submissions (" + COLUMNS + ", status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", s.id(), s.envId(), s.userId(), a.fullName(), a.dateOfBirth().toString(),
                a.country(), a.documentType(), a.documentLast4(), s.submittedAt().toEpochMilli(),
                KycStatus.PENDING.wireName()) == 1;
    }

    /** Records the decision of a pending submission; false if it was no longer pending. */
    boolean decide(String id, KycStatus status, String reason, Instant at) {
        return update("UPDATE kyc_submissions SET status = ?, reason = ?, decided_at = ? WHERE id = ? AND status = ?",
                status.wireName(), reason, at.toEpochMilli(), id, KycStatus.PENDING.wireName()) == 1;
    }

    /** Records the operator's decision on every submission of the user still pending. */
    void decideAll(String envId, String userId, KycStatus status, String reason, Instant at) {
        update("UPDATE kyc_submissions SET status = ?, reason = ?, decided_at = ? WHERE env_id = ? AND user_id = ? AND status = ?",
                status.wireName(), reason, at.toEpochMilli(), envId, userId, KycStatus.PENDING.wireName());
    }

    /** Forgets a submission the ledger refused to start (the user's status changed meanwhile). */
    void delete(String id) {
        update("DELETE FROM kyc_submissions WHERE id = ?", id);
    }

    /** Every submission still waiting for a decision, oldest first (to resume after a restart). */
    List<KycSubmission> pending() {
        try (Connection c = database.readers().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM kyc_submissions WHERE status = ? ORDER BY submitted_at, id")) {
            ps.setString(1, KycStatus.PENDING.wireName());
            List<KycSubmission> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new KycSubmission(rs.getString(1), rs.getString(2), rs.getString(3),
                            new KycApplication(rs.getString(4), LocalDate.parse(rs.getString(5)), rs.getString(6),
                                    rs.getString(7), rs.getString(8)),
                            Instant.ofEpochMilli(rs.getLong(9))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = database.readers().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }
}
