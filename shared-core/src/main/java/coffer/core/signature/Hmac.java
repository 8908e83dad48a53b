package coffer.core.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** The HMAC-SHA256 and hex primitives that both signature schemes share. */
final class Hmac {
    static final String ALGORITHM = "HmacSHA256";
    static final int MAC_BYTES = 32;

    private static final HexFormat HEX = HexFormat.of();

    private Hmac() {
    }

    /**
     * One key per secret, in the given order, as UTF-8 bytes of each secret.
     *
     * @throws NullPointerException     if the list or any secret is null
     * @throws IllegalArgumentException if the list or any secret is empty
     */
    static List<SecretKeySpec> keys(List<String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        List<SecretKeySpec> keys = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            keys.add(key(secret));
        }
        return List.copyOf(keys);
    }

    /**
     * The key for one secret.
     *
     * @throws NullPointerException     if the secret is null
     * @throws IllegalArgumentException if the secret is empty
     */
    static SecretKeySpec key(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            // an empty key would make every signature forgeable by anyone who knows the scheme
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** HMAC-SHA256 under {@code key} of the concatenation of {@code parts}. */
    static byte[] mac(SecretKeySpec key, byte[]... parts) {
        // a Mac is stateful and not thread-safe, so each call gets its own
        Mac mac;
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime must provide " + ALGORITHM, e);
        }
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** Lowercase hex SHA-256 of {@code bytes}; of zero bytes for an empty array. */
    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /** Lowercase hex of {@code bytes}. */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Bytes of lowercase or uppercase hex text; the caller has already checked its shape. */
    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** True when any of {@code candidates} equals {@code expected}, compared in constant time. */
    static boolean matchesAny(byte[] expected, List<byte[]> candidates) {
        boolean matched = false;
        for (byte[] candidate : candidates) {
            // no early exit: the time taken must not reveal which candidate matched
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        return matched;
    }
}
