package coffer.app.local;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The app's own SQLite file: its copy of one user's ledger and its outbox of operations not yet
 * confirmed by the server. Schema by Flyway from {@code db/local/} on the class path.
 *
 * <p>Two connections: one writer (sync pages, outbox changes), one reader (screens). WAL lets the reader
 * see the last committed state while a sync page is being written. Each connection is used by one
 * thread at a time; callers never see them outside {@link #read} and {@link #write}.
 */
public final class LocalDatabase implements AutoCloseable {
    /** One unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();

    private LocalDatabase(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Opens (creating if needed) the database file and migrates it to the latest schema.
     *
     * @throws LocalStoreException when the file cannot be opened or migrated
     */
    public static LocalDatabase open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file; the
        // server stays the source of truth, and the outbox is written with FULL (see Outbox)
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Flyway.configure().dataSource(source).locations("classpath:db/local").load().migrate();
        Connection writer = null;
        try {
            writer = source.getConnection();
            writer.setAutoCommit(false);
            Connection reader = source.getConnection();
            return new LocalDatabase(file, writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new LocalStoreException("Cannot open the local database " + file, e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback();
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new LocalStoreException("A local database write failed", (SQLException) e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Like {@link #write}, but the commit is flushed to disk before this returns ({@code PRAGMA
     * synchronous=FULL} for this transaction only): for what must survive a power cut, such as an
     * outbox entry about to be sent.
     */
    public <T> T writeDurably(Work<T> work) {
        writeLock.lock();
        try {
            synchronous("FULL");
            try {
                return write(work);
            } finally {
                synchronous("NORMAL");
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** SQLite refuses to change the level inside a transaction, so it is set between two. */
    private void synchronous(String level) {
        try {
            writer.setAutoCommit(true);
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA synchronous=" + level);
            }
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            throw new LocalStoreException("Cannot set the local database's durability", e);
        }
    }

    /** Runs {@code work} on the reader connection (auto-commit: each statement sees the last commit). */
    public <T> T read(Work<T> work) {
        readLock.lock();
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new LocalStoreException("A local database read failed", e);
        } finally {
            readLock.unlock();
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next write reports it
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            closeQuietly(writer);
            closeQuietly(reader);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with it
            }
        }
    }
}
