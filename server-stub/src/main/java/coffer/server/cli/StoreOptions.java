package coffer.server.cli;

import coffer.server.db.DatabaseConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the ledger lives: {@code --data DIR} (SQLite, the default) or {@code --db URL} (PostgreSQL). */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./coffer-data",
            description = "Data folder for the embedded SQLite ledger (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead of the data folder, e.g. jdbc:postgresql://host/coffer?user=coffer. "
                    + "The password may also come from the COFFER_DB_PASSWORD environment variable.")
    String db;

    /** SQLite's {@code synchronous} setting. */
    enum Sync { full, normal }

    @Option(names = "--sync", paramLabel = "full|normal", defaultValue = "full",
            description = "SQLite commit durability: full (default) survives power loss; normal may lose the last commits.")
    Sync sync;

    DatabaseConfig toConfig() {
        boolean durable = sync == Sync.full;
        if (db != null) {
            if (!db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:sqlite:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql: or jdbc:sqlite: URL");
            }
            DatabaseConfig config = DatabaseConfig.url(db).withDurableCommits(durable);
            String password = System.getenv("COFFER_DB_PASSWORD");
            return password == null ? config : config.withCredentials(null, password);
        }
        return DatabaseConfig.sqlite(data).withDurableCommits(durable);
    }
}
