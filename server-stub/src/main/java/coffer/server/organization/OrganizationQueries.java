package coffer.server.organization;

import coffer.core.organization.OrganizationRole;
import coffer.server.ledger.query.LedgerQueries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Reads of {@code organizations} and {@code organization_members}, on whatever connection they are given. */
final class OrganizationQueries {
    private static final String COLUMNS = "o.id, o.env_id, o.name, o.currency, o.approval_threshold";

    private OrganizationQueries() {
    }

    static Optional<StoredOrganization> organization(Connection c, String envId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM organizations o WHERE o.id = ? AND o.env_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, envId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(organization(rs)) : Optional.empty();
            }
        }
    }

    /** The organization with the caller's role in it; empty when it is not the environment's or the caller is no member. */
    static Optional<Membership> membership(Connection c, String envId, String id, String userId) throws SQLException {
        Optional<StoredOrganization> found = organization(c, envId, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return LedgerQueries.memberRole(c, id, userId).map(role -> new Membership(found.get(), role));
    }

    /** The organizations {@code userId} is a member of in the environment, oldest membership first. */
    static List<Membership> of(Connection c, String envId, String userId) throws SQLException {
        List<Membership> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", m.role FROM organization_members m "
                + "JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ? AND o.env_id = ? "
                + "ORDER BY m.added_at, o.id")) {
            ps.setString(1, userId);
            ps.setString(2, envId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Membership(organization(rs), role(rs)));
                }
            }
        }
        return found;
    }

    /** The organization's members, oldest first. */
    static List<Member> members(Connection c, String id) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.user_id, u.email, m.role FROM organization_members m "
                + "JOIN users u ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY m.added_at, m.user_id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getString(1), rs.getString(2), role(rs)));
                }
            }
        }
        return members;
    }

    /** One member, or empty when {@code userId} is not one. */
    static Optional<Member> member(Connection c, String id, String userId) throws SQLException {
        return members(c, id).stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    private static StoredOrganization organization(ResultSet rs) throws SQLException {
        long threshold = rs.getLong("approval_threshold");
        Long approvalThreshold = rs.wasNull() ? null : threshold;
        return new StoredOrganization(rs.getString("id"), rs.getString("env_id"), rs.getString("name"),
                Currency.getInstance(rs.getString("currency")), approvalThreshold);
    }

    private static OrganizationRole role(ResultSet rs) throws SQLException {
        String wire = rs.getString("role");
        return OrganizationRole.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown role " + wire));
    }
}
