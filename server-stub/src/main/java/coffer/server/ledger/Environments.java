package coffer.server.ledger;

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
}
