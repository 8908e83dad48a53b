package coffer.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every store's JDBC outside the ledger writer: statements and short transactions on the readers' pool
 * (on SQLite a write waits for the ledger writer's lock with the pool's busy timeout). Arguments are bound
 * one way everywhere: null as an untyped SQL NULL (each database then takes the column's type), an
 * {@link Instant} as epoch milliseconds (the schema's times), anything else as the driver's
 * {@code setObject} takes it. A database failure leaves here once, as {@link DatabaseUnavailableException}.
 */
public final class Jdbc {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Statements on one connection, inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** Reads on a bare autocommit connection, for code that prepares its own statements (the ledger's reads). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final Database database;

    public Jdbc(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** One autocommit statement; answers the rows changed. */
    public int update(String sql, Object... args) {
        return withConnection(c -> new Tx(c).update(sql, args));
    }

    /** One autocommit INSERT; false when a unique index refused it (the row is already there). */
    public boolean insertUnique(String sql, Object... args) {
        return withConnection(c -> {
            try {
                new Tx(c).update(sql, args);
                return true;
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(c -> new Tx(c).query(sql, mapper, args));
    }

    /** The first row, mapped; empty when there is none or it maps to null (a NULL single value). */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(c -> new Tx(c).one(sql, mapper, args));
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        return withConnection(c -> {
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
        });
    }

    /** Runs {@code work} on one autocommit connection of the readers' pool. */
    public <T> T withConnection(ConnectionWork<T> work) {
        try (Connection c = database.readers().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }

    /** {@code n} comma-separated parameters, for an {@code IN (...)} list. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** A nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A nullable BIGINT column, by position. */
    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A nullable time column (epoch milliseconds). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** A nullable time column (epoch milliseconds), by position. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** PostgreSQL's unique_violation, SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY. */
    private static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLIntegrityConstraintViolationException || "23505".equals(e.getSQLState())) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_CONSTRAINT_UNIQUE") || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY");
    }

    /** Statements on one connection: inside {@link #inTransaction}, they commit or roll back together. */
    public static final class Tx {
        private final Connection connection;

        Tx(Connection connection) {
            this.connection = connection;
        }

        /** The transaction's connection, for code that prepares its own statements; committed by the transaction. */
        public Connection connection() {
            return connection;
        }

        public int update(String sql, Object... args) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        }

        /** One statement, prepared once and run for each row of arguments; answers the rows changed in all. */
        public int updateEach(String sql, List<Object[]> rows) throws SQLException {
            int changed = 0;
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (Object[] args : rows) {
                    bind(ps, args);
                    changed += ps.executeUpdate();
                }
            }
            return changed;
        }

        public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            }
        }

        /** The first row, mapped; empty when there is none or it maps to null. */
        public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
                }
            }
        }

        private static void bind(PreparedStatement ps, Object... args) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                if (arg instanceof Instant at) {
                    ps.setLong(i + 1, at.toEpochMilli());
                } else {
                    // null included: untyped, so PostgreSQL takes the column's type and SQLite stores NULL
                    ps.setObject(i + 1, arg);
                }
            }
        }
    }
}
