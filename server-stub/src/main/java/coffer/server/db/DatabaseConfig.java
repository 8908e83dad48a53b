package coffer.server.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the ledger lives.
 *
 * @param jdbcUrl      {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}
 * @param user         database user, or null (PostgreSQL may also take it in the URL)
 * @param password     database password, or null; never logged
 * @param durableCommits SQLite only: {@code synchronous=FULL} when true (the default), NORMAL when the
 *                     user opts out and accepts losing the last commits on power loss
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, boolean durableCommits) {

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** The embedded default: {@code coffer.db} in {@code dataDir}, durable commits. */
    public static DatabaseConfig sqlite(Path dataDir) {
        return new DatabaseConfig("jdbc:sqlite:" + dataDir.resolve("coffer.db").toAbsolutePath(), null, null, true);
    }

    /** A database given by URL (credentials may be in the URL). */
    public static DatabaseConfig url(String jdbcUrl) {
        return new DatabaseConfig(jdbcUrl, null, null, true);
    }

    public DatabaseConfig withDurableCommits(boolean durable) {
        return new DatabaseConfig(jdbcUrl, user, password, durable);
    }

    public DatabaseConfig withCredentials(String newUser, String newPassword) {
        return new DatabaseConfig(jdbcUrl, newUser, newPassword, durableCommits);
    }

    /** The URL with any password parameter masked, for logs and messages. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + redactedUrl() + ", durableCommits=" + durableCommits + "]";
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^@/]*@", "//$1:***@");
    }
}
