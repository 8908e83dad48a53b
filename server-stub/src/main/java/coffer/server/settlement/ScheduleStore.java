package coffer.server.settlement;

import coffer.core.money.Money;
import coffer.server.db.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code settlement_schedules}. */
final class ScheduleStore {
    private static final String COLUMNS = "id, env_id, user_id, wallet_id, bank_account_id, frequency, currency, minimum_minor, "
            + "amount_minor, is_active, next_settlement, last_run_at, last_outcome, created_at";

    private final Jdbc jdbc;

    ScheduleStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Schedule s) {
        jdbc.update("INSERT INTO settlement_schedules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.envId(), s.userId(), s.walletId(), s.bankAccountId(), s.frequency().wire(),
                s.minimum().currencyCode(), s.minimum().minor(), s.amount() == null ? null : s.amount().minor(), s.active(),
                s.nextSettlement(), s.lastRunAt(), s.lastOutcome(), s.createdAt());
    }

    Optional<Schedule> byId(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM settlement_schedules WHERE id = ?", ScheduleStore::row, id);
    }

    /** A user's schedules, active and deactivated, oldest first. */
    List<Schedule> of(String envId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement_schedules WHERE env_id = ? AND user_id = ? "
                + "ORDER BY created_at, id", ScheduleStore::row, envId, userId);
    }

    /** Deactivates a schedule; false when it was not active. */
    boolean deactivate(String id) {
        return jdbc.update("UPDATE settlement_schedules SET is_active = ?, next_settlement = NULL WHERE id = ? AND is_active = ?",
                false, id, true) == 1;
    }

    /** Records a run and when the next one is due (left empty if the schedule was deactivated meanwhile). */
    void ran(String id, Instant at, String outcome, Instant next) {
        jdbc.update("UPDATE settlement_schedules SET last_run_at = ?, last_outcome = ?, "
                + "next_settlement = CASE WHEN is_active = ? THEN ? ELSE NULL END WHERE id = ?",
                at, outcome, true, next, id);
    }

    private static Schedule row(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Long amount = Jdbc.nullableLong(rs, "amount_minor");
        return new Schedule(rs.getString("id"), rs.getString("env_id"), rs.getString("user_id"), rs.getString("wallet_id"),
                rs.getString("bank_account_id"), Frequency.fromWire(rs.getString("frequency")),
                Money.ofMinor(currency, rs.getLong("minimum_minor")), amount == null ? null : Money.ofMinor(currency, amount),
                rs.getBoolean("is_active"), Jdbc.instant(rs, "next_settlement"), Jdbc.instant(rs, "last_run_at"),
                rs.getString("last_outcome"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
