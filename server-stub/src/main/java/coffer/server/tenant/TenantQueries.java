package coffer.server.tenant;

import coffer.core.kyc.KycStatus;
import coffer.core.kyc.KycTier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads of environments and users, on a given connection (the writer's inside a task, or a reader's). */
final class TenantQueries {
    private static final String USER_COLUMNS = "id, env_id, external_id, email, name, kyc_status, kyc_tier";

    private TenantQueries() {
    }

    static Optional<Environment> environment(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, webhook_url FROM environments WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Environment(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        }
    }

    static List<String> activeSecrets(Connection c, String envId) throws SQLException {
        List<String> secrets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret FROM environment_secrets WHERE env_id = ? AND active = ? ORDER BY created_at DESC")) {
            ps.setString(1, envId);
            ps.setBoolean(2, true);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    secrets.add(rs.getString(1));
                }
            }
        }
        return secrets;
    }

    static Optional<User> user(Connection c, String envId, String userId) throws SQLException {
        return oneUser(c, "env_id = ? AND id = ?", envId, userId);
    }

    static Optional<User> userByExternalId(Connection c, String envId, String externalId) throws SQLException {
        return oneUser(c, "env_id = ? AND external_id = ?", envId, externalId);
    }

    static Optional<User> userByEmail(Connection c, String envId, String email) throws SQLException {
        return oneUser(c, "env_id = ? AND email = ?", envId, email.toLowerCase(Locale.ROOT));
    }

    static Optional<String> passwordHash(Connection c, String envId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE env_id = ? AND id = ?")) {
            ps.setString(1, envId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<User> oneUser(Connection c, String where, String a, String b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE " + where)) {
            ps.setString(1, a);
            ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapUser(rs)) : Optional.empty();
            }
        }
    }


    private static User mapUser(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("env_id"), rs.getString("external_id"), rs.getString("email"),
                rs.getString("name"), KycStatus.fromWire(rs.getString("kyc_status")), KycTier.fromWire(rs.getInt("kyc_tier")));
    }
}
