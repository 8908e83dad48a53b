package coffer.app.offline;

import coffer.app.api.ApiException;
import coffer.app.local.LocalDatabase;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The organizations the user belongs to, with their role, as the server last listed them: the holder switcher offers
 * them while the server cannot be reached, as the screens show their wallets from the local copy.
 */
public final class LastSavedOrganizations {
    private final LocalDatabase database;

    public LastSavedOrganizations(LocalDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The server's list from {@code online}, saved for later; when the server cannot be reached, the last saved one.
     * Blocking: call in the background.
     */
    public List<OrganizationSummary> onlineOrLastSaved(Callable<List<OrganizationSummary>> online) throws Exception {
        List<OrganizationSummary> listed;
        try {
            listed = online.call();
        } catch (ApiException e) {
            if (e.kind() != ApiException.Kind.NETWORK_DOWN) {
                throw e;
            }
            return saved();
        }
        save(listed);
        return listed;
    }

    /** The organizations last saved, in the server's order. */
    public List<OrganizationSummary> saved() {
        return database.read(c -> {
            List<OrganizationSummary> organizations = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, name, role FROM organizations ORDER BY position")) {
                while (rs.next()) {
                    organizations.add(new OrganizationSummary(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return organizations;
        });
    }

    private void save(List<OrganizationSummary> organizations) {
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM organizations");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO organizations (id, name, role, position) VALUES (?, ?, ?, ?)")) {
                int position = 0;
                for (OrganizationSummary o : organizations) {
                    s.setString(1, o.id());
                    s.setString(2, o.name());
                    s.setString(3, o.role());
                    s.setInt(4, position++);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }
}
