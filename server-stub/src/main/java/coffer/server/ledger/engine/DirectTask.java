package coffer.server.ledger.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A task that runs its own SQL ({@link Batch#direct}, in a savepoint) rather than changing loaded rows:
 * the rare writes such as creating an environment, a user or a wallet. It reads what it needs in its
 * own statements, so it declares nothing.
 */
public abstract class DirectTask<T> extends TypedTask<T> {
    protected DirectTask(Class<T> resultType) {
        super(resultType);
    }

    @Override
    public void declare(Batch batch) {
        // direct SQL reads what it needs inside its own savepoint
    }

    /** Runs one statement with {@code args} bound in order. */
    public static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
