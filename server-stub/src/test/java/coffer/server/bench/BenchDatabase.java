package coffer.server.bench;

import coffer.server.db.Database;
import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A database the benchmark runs against. Every run gets a fresh, empty one ({@link #fresh}), so runs
 * do not inherit each other's rows; it is removed again when the run closes it.
 */
abstract class BenchDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String[] SYNCHRONOUS = {"OFF", "NORMAL", "FULL", "EXTRA"};

    /** A fresh database for one run; closing it removes it. */
    interface Scratch extends AutoCloseable {
        DatabaseConfig config();

        @Override
        void close();
    }

    /** Short name for tables: {@code sqlite} or {@code postgres}. */
    abstract String name();

    /** How the database is set up, as it reports itself (durability settings, version). */
    abstract String describe();

    abstract Scratch fresh();

    @Override
    public void close() {
    }

    static int nextNumber() {
        return COUNTER.incrementAndGet();
    }

    /** SQLite files under {@code root}, with durable commits ({@code synchronous=FULL}) as the server's default. */
    static BenchDatabase sqlite(Path root) {
        return new BenchDatabase() {
            @Override
            String name() {
                return "sqlite";
            }

            @Override
            String describe() {
                // as the writer's connection reports it, not as we believe we configured it
                try (Scratch s = fresh(); Database db = Database.open(s.config()); Connection c = db.writerConnection();
                     Statement st = c.createStatement()) {
                    return "SQLite " + one(st, "SELECT sqlite_version()") + ", journal_mode=" + one(st, "PRAGMA journal_mode")
                            + ", synchronous=" + SYNCHRONOUS[Integer.parseInt(one(st, "PRAGMA synchronous"))]
                            + ", files in " + root.toAbsolutePath();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            Scratch fresh() {
                try {
                    Files.createDirectories(root);
                    Path dir = Files.createTempDirectory(root, "run-");
                    DatabaseConfig config = DatabaseConfig.sqlite(dir).withDurableCommits(true);
                    return scratch(config, () -> deleteTree(dir));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * PostgreSQL: the embedded server (fsync and synchronous_commit on, so a commit is durable as on
     * SQLite) when {@code url} is null, else the server of {@code url}, where the benchmark creates
     * and drops its own databases (the user needs CREATEDB).
     */
    static BenchDatabase postgres(String url, String user, String password) {
        EmbeddedPostgres embedded = url == null
                ? TestDatabases.startPostgres(Map.of("synchronous_commit", "on", "fsync", "on"))
                : null;
        String adminUrl = embedded == null ? url : embedded.getJdbcUrl("postgres", "postgres");
        String adminUser = embedded == null ? user : "postgres";
        String adminPassword = embedded == null ? password : null;
        return new BenchDatabase() {
            @Override
            String name() {
                return "postgres";
            }

            @Override
            String describe() {
                String settings = String.join(", ", query("SELECT 'PostgreSQL ' || current_setting('server_version')"),
                        "fsync=" + query("SHOW fsync"), "synchronous_commit=" + query("SHOW synchronous_commit"),
                        "wal_sync_method=" + query("SHOW wal_sync_method"),
                        "shared_buffers=" + query("SHOW shared_buffers"));
                return settings + (embedded == null ? ", at " + DatabaseConfig.url(url).redactedUrl() : ", embedded");
            }

            @Override
            Scratch fresh() {
                String db = "coffer_bench_" + ProcessHandle.current().pid() + "_" + nextNumber();
                execute("CREATE DATABASE " + db);
                DatabaseConfig config = DatabaseConfig.url(withDatabase(adminUrl, db)).withCredentials(adminUser, adminPassword);
                return scratch(config, () -> execute("DROP DATABASE IF EXISTS " + db));
            }

            private void execute(String sql) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(sql + " failed", e);
                }
            }

            private String query(String sql) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    return one(s, sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(sql + " failed", e);
                }
            }

            private Connection connect() throws SQLException {
                Properties p = new Properties();
                if (adminUser != null) {
                    p.setProperty("user", adminUser);
                }
                if (adminPassword != null) {
                    p.setProperty("password", adminPassword);
                }
                return DriverManager.getConnection(adminUrl, p);
            }

            @Override
            public void close() {
                if (embedded != null) {
                    try {
                        embedded.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }

    /** {@code jdbc:postgresql://host:port/db?params} with another database name. */
    static String withDatabase(String url, String db) {
        Matcher m = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host[:port]/database: " + DatabaseConfig.url(url).redactedUrl());
        }
        return m.group(1) + "/" + db + (m.group(3) == null ? "" : m.group(3));
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Scratch scratch(DatabaseConfig config, Runnable cleanup) {
        return new Scratch() {
            @Override
            public DatabaseConfig config() {
                return config;
            }

            @Override
            public void close() {
                cleanup.run();
            }
        };
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
