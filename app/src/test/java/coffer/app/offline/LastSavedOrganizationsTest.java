package coffer.app.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coffer.app.api.ApiClient;
import coffer.app.local.LocalDatabase;
import coffer.core.api.OrganizationTypes.OrganizationSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The holder switcher offers the user's organizations while the server cannot be reached, as last listed. */
class LastSavedOrganizationsTest {
    @TempDir
    Path dir;
    private LocalDatabase database;

    @BeforeEach
    void open() {
        database = LocalDatabase.open(dir.resolve("user.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void offlineTheLastListedOrganizationsAreOfferedAndAnotherRefusalIsNotHidden() throws Exception {
        LastSavedOrganizations organizations = new LastSavedOrganizations(database);
        List<OrganizationSummary> listed = List.of(new OrganizationSummary("org_b", "Band", "viewer"),
                new OrganizationSummary("org_a", "Trip", "owner"));
        assertThat(organizations.onlineOrLastSaved(() -> listed)).isEqualTo(listed);

        ApiClient unreachable = ApiClient.create("http://127.0.0.1:1");
        assertThat(organizations.onlineOrLastSaved(unreachable::organizations)).as("in the server's order").isEqualTo(listed);

        assertThatThrownBy(() -> organizations.onlineOrLastSaved(() -> {
            throw new IllegalStateException("not a network failure");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(organizations.onlineOrLastSaved(List::of)).isEmpty();
        assertThat(organizations.saved()).as("an empty list is saved too: the user left them all").isEmpty();
    }
}
