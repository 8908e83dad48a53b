package coffer.server.testing;

import coffer.server.db.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: a SQLite file in a temporary folder, or a fresh database in one embedded
 * PostgreSQL server that the whole test JVM shares (it takes seconds to start, a database takes
 * milliseconds to create).
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    public static DatabaseConfig sqlite(Path folder) {
        return DatabaseConfig.sqlite(folder);
    }

    /** A new, empty PostgreSQL database. */
    public static DatabaseConfig postgres() {
        EmbeddedPostgres server = SharedServer.INSTANCE;
        String name = "coffer_test_" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return DatabaseConfig.url(server.getJdbcUrl("postgres", name)).withCredentials("postgres", null);
    }

    /**
     * Starts an embedded PostgreSQL server with {@code fsync} on and {@code settings} on top of the
     * embedded defaults (which include {@code synchronous_commit=off}); it stops when the JVM exits.
     */
    public static EmbeddedPostgres startPostgres(Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on");
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** Lazily started once per JVM, stopped when the JVM exits. */
    private static final class SharedServer {
        static final EmbeddedPostgres INSTANCE = startPostgres(Map.of());
    }
}
