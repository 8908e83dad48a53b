package coffer.server.organization;

import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteOrganizationTest extends OrganizationContract {
    @TempDir
    static Path folder;

    @Override
    DatabaseConfig database() {
        return TestDatabases.sqlite(folder);
    }
}
