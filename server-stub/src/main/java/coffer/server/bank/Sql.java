package coffer.server.bank;

import coffer.server.ledger.LedgerUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small autocommit statements on the readers' pool, for the tables of money out (bank accounts, payouts,
 * schedules) that live beside the ledger: each statement is safe under concurrency on its own. Money
 * itself only ever moves through {@code LedgerService}. A database that cannot be reached is
 * {@link LedgerUnavailableException} (answered 503).
 */
public final class Sql {
    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an INSERT, UPDATE or DELETE; answers the rows it changed. */
    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    /** Runs an INSERT; false when a unique index refused it (the row is already there). */
    public boolean insertUnique(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw new LedgerUnavailableException(e);
        }
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rs.next()) {
                found.add(mapper.map(rs));
            }
            return found;
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        return list(sql, mapper, args).stream().findFirst();
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /** PostgreSQL's unique_violation, SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY. */
    private static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLIntegrityConstraintViolationException || "23505".equals(e.getSQLState())) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_CONSTRAINT_UNIQUE") || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY");
    }
}
