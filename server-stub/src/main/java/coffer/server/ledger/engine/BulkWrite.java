package coffer.server.ledger.engine;

import coffer.server.db.Dialect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One statement over many rows. On SQLite a JDBC batch: one execution per row, which costs little in
 * process. On PostgreSQL one execution over arrays ({@code unnest}): the server parses, binds and
 * starts an executor once per statement instead of once per row, which is most of its work for small
 * rows and bounds a single writer connection.
 *
 * <p>Values are {@link String}, {@link Long} or null, in the order of the columns given.
 */
final class BulkWrite {
    private BulkWrite() {
    }

    /** A column and its SQL type. */
    record Column(String name, boolean text) {
        String pgType() {
            return text ? "text" : "bigint";
        }
    }

    static Column text(String name) {
        return new Column(name, true);
    }

    static Column bigint(String name) {
        return new Column(name, false);
    }

    /** Inserts {@code rows}, in their order (which decides generated ids). */
    static void insert(Connection c, Dialect dialect, String table, List<Column> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String names = names(columns);
        String sql = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM unnest(" + arrays(columns)
                        + ") WITH ORDINALITY AS v(" + names + ", n) ORDER BY n"
                : "INSERT INTO " + table + " (" + names + ") VALUES (" + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        execute(c, dialect, sql, columns, rows);
    }

    /**
     * Sets {@code set} on the row that matches {@code keys}, for each of {@code rows} (set values
     * first, then key values); no two rows may have the same key.
     */
    static void update(Connection c, Dialect dialect, String table, List<Column> set, List<Column> keys, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Column> all = new java.util.ArrayList<>(set);
        all.addAll(keys);
        String sql = dialect == Dialect.POSTGRESQL
                ? "UPDATE " + table + " t SET " + set.stream().map(x -> x.name() + " = v." + x.name()).collect(Collectors.joining(", "))
                        + " FROM unnest(" + arrays(all) + ") AS v(" + names(all) + ") WHERE "
                        + keys.stream().map(x -> "t." + x.name() + " = v." + x.name()).collect(Collectors.joining(" AND "))
                : "UPDATE " + table + " SET " + set.stream().map(x -> x.name() + " = ?").collect(Collectors.joining(", "))
                        + " WHERE " + keys.stream().map(x -> x.name() + " = ?").collect(Collectors.joining(" AND "));
        execute(c, dialect, sql, all, rows);
    }

    private static void execute(Connection c, Dialect dialect, String sql, List<Column> columns, List<Object[]> rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (dialect == Dialect.POSTGRESQL) {
                for (int i = 0; i < columns.size(); i++) {
                    int col = i;
                    Object[] values = rows.stream().map(r -> r[col])
                            .toArray(n -> columns.get(col).text() ? new String[n] : new Long[n]);
                    Array array = c.createArrayOf(columns.get(i).pgType(), values);
                    ps.setArray(i + 1, array);
                }
                ps.executeUpdate();
                return;
            }
            for (Object[] row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(ps, i + 1, columns.get(i), row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, column.text() ? Types.VARCHAR : Types.BIGINT);
        } else if (column.text()) {
            ps.setString(index, (String) value);
        } else {
            ps.setLong(index, (Long) value);
        }
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String arrays(List<Column> columns) {
        return IntStream.range(0, columns.size()).mapToObj(i -> "?::" + columns.get(i).pgType() + "[]")
                .collect(Collectors.joining(", "));
    }
}
