package coffer.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The ledger's database: a pool for reads, one connection for the single writer, and the schema
 * brought up to date by versioned migrations on open.
 *
 * <p>SQLite runs in WAL mode, so readers never wait for the writer; commits are durable
 * ({@code synchronous=FULL}) unless the user opted out. PostgreSQL gets the same schema and is safe to
 * share between several server processes.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Dialect dialect;
    private final HikariDataSource readers;
    private final HikariDataSource writer;

    private Database(Dialect dialect, HikariDataSource readers, HikariDataSource writer) {
        this.dialect = dialect;
        this.readers = readers;
        this.writer = writer;
    }

    /**
     * Opens the database and migrates its schema to the latest version.
     *
     * @throws IllegalArgumentException for an unsupported URL
     * @throws org.flywaydb.core.api.FlywayException if the schema cannot be migrated
     */
    public static Database open(DatabaseConfig config) {
        Dialect dialect = Dialect.of(config.jdbcUrl());
        OwnerOnlyFiles.prepareSqlite(config.jdbcUrl());
        // Flyway needs two connections at once on PostgreSQL (its lock and its migration), so it runs
        // on the readers' pool; the writer's pool holds exactly one connection.
        HikariDataSource readers = pool(config, dialect, "coffer-readers",
                Math.max(4, Runtime.getRuntime().availableProcessors() * 2), false);
        try {
            Flyway.configure()
                    .dataSource(readers)
                    // migrations both dialects share text for text, then the dialect's own (ARCHITECTURE.md, "Migrations")
                    .locations("classpath:db/migration/common", "classpath:" + dialect.migrations())
                    .mixed(true)
                    .load()
                    .migrate();
            HikariDataSource writer = pool(config, dialect, "coffer-writer", 1, true);
            log.info("Ledger database {} ({}) is ready", config.redactedUrl(), dialect);
            return new Database(dialect, readers, writer);
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseConfig config, Dialect dialect, String name, int size, boolean forWriter) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(forWriter ? 1 : Math.min(2, size));
        if (dialect == Dialect.SQLITE) {
            // sqlite-jdbc reads these pragmas from the connection properties, for every connection
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", config.durableCommits() ? "FULL" : "NORMAL");
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("foreign_keys", "true");
            // the default 2 MB page cache is smaller than the indexes a busy ledger writes into
            hc.addDataSourceProperty("cache_size", forWriter ? "-65536" : "-16384");
            if (forWriter) {
                // Checkpoint every 64 MB of WAL instead of every 4 MB: the pages a ledger rewrites on every
                // commit (balances, index leaves) are then copied back to the database file once per
                // checkpoint, not once per few commits; the WAL is truncated back to that size afterwards.
                hc.addDataSourceProperty("wal_autocheckpoint", "16384");
                hc.addDataSourceProperty("journal_size_limit", String.valueOf(64L * 1024 * 1024));
                // take the write lock at BEGIN, so a second process waits instead of failing mid-transaction
                hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            }
        }
        return new HikariDataSource(hc);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Connections for reads (autocommit). */
    public DataSource readers() {
        return readers;
    }

    /** The writer's connection; only the ledger writer thread uses it. */
    public Connection writerConnection() throws SQLException {
        return writer.getConnection();
    }

    @Override
    public void close() {
        readers.close();
        writer.close();
    }
}
