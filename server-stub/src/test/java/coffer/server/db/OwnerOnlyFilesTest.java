package coffer.server.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OwnerOnlyFilesTest {
    @TempDir
    Path temp;

    @Test
    void aNewLedgerFileAndItsFolderAreReadableByTheirOwnerOnly() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path folder = temp.resolve("new-data");
        try (Database db = Database.open(DatabaseConfig.sqlite(folder));
             Connection c = db.writerConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("INSERT INTO server_keys (id, secret, created_at) VALUES ('probe', 'x', 0)");
            assertThat(perms(folder)).isEqualTo("rwx------");
            assertThat(perms(folder.resolve("coffer.db"))).isEqualTo("rw-------");
            assertThat(perms(folder.resolve("coffer.db-wal"))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingFileKeepsThePermissionsItsOperatorGaveIt() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = Files.createFile(temp.resolve("coffer.db"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        try (Database ignored = Database.open(DatabaseConfig.sqlite(temp))) {
            assertThat(perms(file)).isEqualTo("rw-r-----");
        }
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
