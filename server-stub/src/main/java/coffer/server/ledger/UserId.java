package coffer.server.ledger;

import java.util.Objects;

/** A user's id, typed so that it cannot be passed where an environment's or a wallet's goes. */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    /** The id, or null for none (a partner or the operator acting rather than a user). */
    public static UserId ofNullable(String value) {
        return value == null ? null : new UserId(value);
    }

    /** The id's text, or null for none. */
    public static String text(UserId id) {
        return id == null ? null : id.value;
    }
}
