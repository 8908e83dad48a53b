package coffer.server.tenant;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Map;
import java.util.regex.Pattern;

/** Rules for environment ids: they appear in system account ids and URLs, so they are kept plain. */
public final class Environments {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private Environments() {
    }

    public static String requireValidId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "An environment id is 1 to 64 letters, digits or dashes", Map.of("env_id", String.valueOf(id)));
        }
        return id;
    }

    /** A new random environment secret ({@code secret_} + 32 base62 characters, as the seeds show them). */
    public static String newSecret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder sb = new StringBuilder("secret_");
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /**
     * A short, stable name for a secret that reveals nothing of it (the first 12 hex digits of its
     * SHA-256), for listing, revoking and auditing secrets without showing them.
     */
    public static String fingerprint(String secret) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
