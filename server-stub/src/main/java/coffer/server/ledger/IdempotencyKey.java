package coffer.server.ledger;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A client's idempotency key and the scope it is unique in (an environment and its caller), so two
 * partners or two users can use the same key without meeting.
 *
 * @param scope who the key belongs to, e.g. {@code env:123/user:usr_...}
 * @param key   the client's key: 1–255 visible ASCII characters
 */
public record IdempotencyKey(String scope, String key) {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    public IdempotencyKey {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("an idempotency key needs a scope");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw new CofferException(ErrorCode.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters", Map.of("header", "Idempotency-Key"));
        }
    }

    /** A key, or null when the client sent none. */
    public static IdempotencyKey ofNullable(String scope, String key) {
        return key == null ? null : new IdempotencyKey(scope, key);
    }
}
