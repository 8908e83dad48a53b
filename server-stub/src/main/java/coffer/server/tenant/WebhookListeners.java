package coffer.server.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Which environments listen for partner webhooks ({@code environments.webhook_url}), and where the webhook
 * dispatcher's cursor stands when the first one starts to.
 *
 * <p>While nobody listens, the dispatcher leaves its cursor where it is: moving it would be a write (and on
 * SQLite an fsync'd commit holding the ledger's write lock) every pass, for events nobody hears. So an
 * environment that becomes the only listener moves the cursor to the ledger's head in the same transaction
 * as it sets its URL, and hears of what is committed from then on, as it would have had the cursor kept up.
 */
public final class WebhookListeners {
    private static final String FIRST_LISTENER_STARTS_AT_HEAD = "UPDATE webhook_cursor"
            + " SET seq = (SELECT seq FROM ledger_clock WHERE id = 1)"
            + " WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM environments WHERE webhook_url IS NOT NULL AND id <> ?)";

    private WebhookListeners() {
    }

    /** Whether any environment has a webhook URL. */
    public static boolean anyone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM environments WHERE webhook_url IS NOT NULL LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Sets (or, with null, clears) {@code envId}'s webhook URL, on {@code c}'s transaction; an environment that
     * becomes the only listener starts the dispatcher at the head.
     *
     * @return whether the environment exists
     */
    public static boolean setUrl(Connection c, String envId, String url) throws SQLException {
        if (url != null) {
            startAtHeadIfFirst(c, envId);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE environments SET webhook_url = ? WHERE id = ?")) {
            ps.setString(1, url);
            ps.setString(2, envId);
            return ps.executeUpdate() == 1;
        }
    }

    /** For an environment created with a URL: the dispatcher starts at the head if it is the only listener. */
    static void startAtHeadIfFirst(Connection c, String envId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIRST_LISTENER_STARTS_AT_HEAD)) {
            ps.setString(1, envId);
            ps.executeUpdate();
        }
    }
}
