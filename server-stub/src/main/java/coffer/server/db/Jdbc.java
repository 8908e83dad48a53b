package coffer.server.db;

import coffer.server.ledger.LedgerUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small writes and reads outside the ledger (feature tables such as top-ups or the provider
 * simulator's), on the readers' pool as {@link ServerKeys} does: on SQLite a write waits for the
 * ledger writer's lock with the pool's busy timeout. A database failure becomes
 * {@link LedgerUnavailableException} (503 on HTTP).
 */
public final class Jdbc {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private final Database database;

    public Jdbc(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    /** One autocommit statement; answers the rows changed. */
    public int update(String sql, Object... args) {
        try (Connection c = database.readers().getConnection()) {
            return new Tx(c).update(sql, args);
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = database.readers().getConnection()) {
            return new Tx(c).query(sql, mapper, args);
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = database.readers().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (database.dialect() == Dialect.SQLITE) {
                    // take the write lock now: a transaction that reads first and writes later could find the
                    // database changed under it and fail instead of waiting
                    new Tx(c).update("UPDATE server_keys SET id = id WHERE 1 = 0");
                }
                T result = work.run(new Tx(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    /** Statements on one connection. */
    public static final class Tx {
        private final Connection connection;

        Tx(Connection connection) {
            this.connection = connection;
        }

        public int update(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = prepare(sql, args)) {
                return ps.executeUpdate();
            }
        }

        public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
            try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }

        public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
            List<T> rows = query(sql, mapper, args);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }

        private PreparedStatement prepare(String sql, Object... args) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }
    }
}
