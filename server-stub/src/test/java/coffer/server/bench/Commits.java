package coffer.server.bench;

import coffer.server.db.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts commits that wrote to the ledger: every such commit takes one number from {@code ledger_clock}. */
final class Commits {
    private Commits() {
    }

    static long count(Database database) {
        return count(database, "ledger_clock");
    }

    /** The commits counted by {@code clock}, a table shaped as {@code ledger_clock} (the integer-key ceiling's mirror has its own). */
    static long count(Database database, String clock) {
        try (Connection c = database.readers().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM " + clock + " WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the commit counter", e);
        }
    }
}
