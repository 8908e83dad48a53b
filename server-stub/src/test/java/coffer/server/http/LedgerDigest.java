package coffer.server.http;

import coffer.server.db.DatabaseConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the ledger holds, read straight from the test server's SQLite file on a connection of its own:
 * every account's balances and the number of movements. Two equal digests mean no money moved and no
 * movement was recorded in between.
 */
final class LedgerDigest implements AutoCloseable {
    private final Connection connection;

    private LedgerDigest(Connection connection) {
        this.connection = connection;
    }

    static LedgerDigest open(Path dataDir) throws SQLException {
        return new LedgerDigest(DriverManager.getConnection(DatabaseConfig.sqlite(dataDir).jdbcUrl()));
    }

    String now() {
        StringBuilder digest = new StringBuilder();
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM transactions");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            digest.append(rs.getLong(1)).append(" movements;");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement balances = connection.prepareStatement(
                "SELECT id, posted, pending_debits, pending_credits FROM accounts ORDER BY id");
             ResultSet rs = balances.executeQuery()) {
            while (rs.next()) {
                digest.append(rs.getString(1)).append('=').append(rs.getLong(2)).append('/').append(rs.getLong(3))
                        .append('/').append(rs.getLong(4)).append(';');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digest.toString();
    }

    /**
     * Waits until the ledger has stopped changing (the same digest three times, 50 ms apart), so that
     * work a request started in the background (a payment settling, a provider webhook) has finished.
     */
    String quiet() throws InterruptedException {
        String last = now();
        int same = 0;
        for (int polls = 0; same < 3 && polls < 200; polls++) {
            Thread.sleep(50);
            String next = now();
            same = next.equals(last) ? same + 1 : 0;
            last = next;
        }
        return last;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
