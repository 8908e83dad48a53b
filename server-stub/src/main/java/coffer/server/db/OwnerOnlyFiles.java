package coffer.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A SQLite ledger file readable by its owner only: it holds partners' secrets, users' sessions and
 * everyone's money. A new file (and a new folder for it) is created owner-only before SQLite opens it;
 * SQLite gives its WAL and shared-memory files the database file's permissions. Files that already exist
 * are left as the operator set them. On a file system without POSIX permissions only the folder is made.
 */
final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    /** Prepares the database file of a {@code jdbc:sqlite:} URL; other URLs and in-memory databases are left alone. */
    static void prepareSqlite(String jdbcUrl) {
        String prefix = "jdbc:sqlite:";
        if (!jdbcUrl.startsWith(prefix)) {
            return;
        }
        String location = jdbcUrl.substring(prefix.length());
        int query = location.indexOf('?');
        location = query < 0 ? location : location.substring(0, query);
        if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith("file:")) {
            return;
        }
        Path file = Path.of(location).toAbsolutePath();
        if (Files.exists(file)) {
            return;
        }
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Path folder = file.getParent();
            if (!Files.exists(folder)) {
                if (posix) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException e) {
            // another process made it first: it is that process's choice
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger file " + file, e);
        }
    }
}
