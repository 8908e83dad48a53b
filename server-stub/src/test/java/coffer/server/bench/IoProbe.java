package coffer.server.bench;

import coffer.server.db.Database;
import coffer.server.db.Dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongSupplier;

/**
 * What a database wrote during a window, read at the window's edges. SQLite writes from inside this JVM:
 * the bytes it handed to the kernel ({@code wchar} of Linux's {@code /proc/self/io}), which are what the
 * commits put into the write-ahead log plus what checkpoints copied back. PostgreSQL writes from its own
 * processes: the growth of its write-ahead log ({@code pg_current_wal_lsn()}), full-page images included.
 */
final class IoProbe {
    private static final Path SELF_IO = Path.of("/proc/self/io");

    private IoProbe() {
    }

    /** A reading of the bytes written so far, or -1 when it cannot be read. */
    static LongSupplier of(Database database) {
        return database.dialect() == Dialect.SQLITE ? IoProbe::jvmWritten : () -> walPosition(database);
    }

    private static long jvmWritten() {
        try {
            for (String line : Files.readAllLines(SELF_IO)) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long walPosition(Database database) {
        try (Connection c = database.readers().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
