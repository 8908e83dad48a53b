package coffer.app.offline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What lets the app check the signed-in user's password on this computer, offline (the idle lock): a
 * PBKDF2-HMAC-SHA256 hash of it with a random 16-byte salt, never the password itself. Kept beside the user's
 * local database ({@code local/<digest>.unlock}, readable by its owner only), written at each sign-in with a
 * password. Neither the password nor the hash is ever logged.
 */
public final class PasswordVerifier {
    /** The JDK's name of the key derivation. */
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** At least what current guidance asks of PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final int iterations;
    private final byte[] hash;

    private PasswordVerifier(byte[] salt, int iterations, byte[] hash) {
        this.salt = salt;
        this.iterations = iterations;
        this.hash = hash;
    }

    /** A verifier of {@code password} with a fresh salt (slow on purpose: call it in the background). */
    public static PasswordVerifier of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordVerifier(salt, ITERATIONS, derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} is the one this verifier was made of; compares in constant time (slow: in the background). */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    public int iterations() {
        return iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    /** The file of {@code email}'s verifier for the server whose local data is keyed {@code server}, in {@code home}. */
    public static Path file(Path home, String server, String email) {
        return SessionStore.userFile(home, server, email, ".unlock");
    }

    /** Writes this verifier to {@code file}, readable by its owner only, replacing the one there. */
    public void save(Path file) {
        Properties values = new Properties();
        values.setProperty("algorithm", ALGORITHM);
        values.setProperty("iterations", Integer.toString(iterations));
        values.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        values.setProperty("hash", Base64.getEncoder().encodeToString(hash));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = SessionStore.ownerOnly(file.resolveSibling(file.getFileName() + ".tmp"));
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "Coffer: checks the password on this computer (idle lock); not the password");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the password verifier " + file, e);
        }
    }

    /** The verifier in {@code file}; empty when there is none or it cannot be read. */
    public static Optional<PasswordVerifier> load(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            if (!ALGORITHM.equals(values.getProperty("algorithm"))) {
                return Optional.empty();
            }
            int iterations = Integer.parseInt(values.getProperty("iterations", ""));
            byte[] salt = Base64.getDecoder().decode(values.getProperty("salt", ""));
            byte[] hash = Base64.getDecoder().decode(values.getProperty("hash", ""));
            if (iterations < ITERATIONS || salt.length != SALT_BYTES || hash.length * 8 != HASH_BITS) {
                return Optional.empty();
            }
            return Optional.of(new PasswordVerifier(salt, iterations, hash));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "PasswordVerifier[" + ALGORITHM + ", " + iterations + " iterations, hash hidden]";
    }
}
