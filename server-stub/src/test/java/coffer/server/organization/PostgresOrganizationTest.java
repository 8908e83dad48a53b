package coffer.server.organization;

import coffer.server.db.DatabaseConfig;
import coffer.server.testing.TestDatabases;

class PostgresOrganizationTest extends OrganizationContract {
    @Override
    DatabaseConfig database() {
        return TestDatabases.postgres();
    }
}
