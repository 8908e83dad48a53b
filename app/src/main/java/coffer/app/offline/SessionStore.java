package coffer.app.offline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The last signed-in user of a configured server, so the app can open for them when the server cannot
 * be reached and sign them in again quietly when it can. Kept in {@code session.properties} in the
 * app's home folder, readable by its owner only; removed on sign-out. The refresh token itself goes to the
 * operating system's keychain where there is one ({@link SecretVault}; the file then says only that it is
 * there), otherwise into that file; sign-out removes it from both. The refresh token is never logged.
 */
public final class SessionStore {
    private static final String SERVER = "server";
    private static final String EMAIL = "email";
    private static final String REFRESH_TOKEN = "refresh.token";
    /** Instead of the token: where it is kept ({@link #IN_KEYCHAIN}). */
    private static final String REFRESH_TOKEN_IN = "refresh.token.in";
    private static final String IN_KEYCHAIN = "keychain";

    /** A remembered session. */
    public record Saved(String server, String email, String refreshToken) {
        public Saved {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        public String toString() {
            return "Saved[server=" + server + ", email=" + email + ", token hidden]";
        }
    }

    private final Path home;
    private final Path file;
    private final SecretVault vault;

    /** The session in {@code home}, its token in the OS keychain where there is one. */
    public SessionStore(Path home) {
        this(home, SecretVault.lazy(OsKeychain::orNone));
    }

    public SessionStore(Path home, SecretVault vault) {
        this.home = Objects.requireNonNull(home, "home");
        this.file = home.resolve("session.properties");
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    /** The remembered session for {@code server}, if its user did not sign out. */
    public synchronized Optional<Saved> load(String server) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String email = values.getProperty(EMAIL);
        if (!server.equals(values.getProperty(SERVER)) || email == null) {
            return Optional.empty();
        }
        String token = IN_KEYCHAIN.equals(values.getProperty(REFRESH_TOKEN_IN))
                ? vault.read(account(server, email)).orElse(null) : values.getProperty(REFRESH_TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Saved(server, email, token));
    }

    /** Remembers (or updates, after each refresh: tokens are single-use) the session. */
    public synchronized void save(Saved saved) {
        Properties values = new Properties();
        values.setProperty(SERVER, saved.server());
        values.setProperty(EMAIL, saved.email());
        if (vault.write(account(saved.server(), saved.email()), saved.refreshToken())) {
            values.setProperty(REFRESH_TOKEN_IN, IN_KEYCHAIN);
        } else {
            values.setProperty(REFRESH_TOKEN, saved.refreshToken());
        }
        try {
            Files.createDirectories(home);
            Path temp = ownerOnly(home.resolve("session.properties.tmp"));
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "Coffer: the last signed-in user; removed on sign-out");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remember the session in " + home, e);
        }
    }

    /** Forgets the session (sign-out, or the server refused the token). */
    public synchronized void clear() {
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException e) {
                // unreadable: nothing to find in the keychain by it; the file goes anyway
            }
        }
        if (values.getProperty(SERVER) != null && values.getProperty(EMAIL) != null) {
            vault.delete(account(values.getProperty(SERVER), values.getProperty(EMAIL)));
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }

    /** The keychain entry's name: readable, since the user sees it in their keychain. */
    private static String account(String server, String email) {
        return email.toLowerCase(java.util.Locale.ROOT) + " on " + server;
    }

    public Path file() {
        return file;
    }

    /**
     * The local database of one user of one server: named by a digest, so the file name holds neither
     * the address nor the email.
     */
    public Path localDatabase(String server, String email) {
        return userFile(home, server, email, ".db");
    }

    /** A file of one user of one server in {@code home}'s {@code local} folder, named as {@link #localDatabase} is. */
    static Path userFile(Path home, String server, String email, String suffix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((server + "\n" + email.toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return home.resolve("local").resolve(HexFormat.of().formatHex(digest, 0, 12) + suffix);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An empty file only its owner may read and write (where the file system has POSIX permissions). */
    static Path ownerOnly(Path path) throws IOException {
        Files.deleteIfExists(path);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path created = Files.createFile(path);
        created.toFile().setReadable(false, false);
        created.toFile().setReadable(true, true);
        created.toFile().setWritable(false, false);
        created.toFile().setWritable(true, true);
        return created;
    }
}
