package coffer.server.http;

import coffer.server.auth.Principal;

import java.util.Objects;

/**
 * Whom a cursor is sealed to: a signed-in user, or a partner environment calling its signed API. A
 * cursor handed to one owner is refused for every other.
 */
public final class CursorOwner {
    /** The subject of a partner's own cursors: no user id looks like it (those are {@code usr_...}). */
    private static final String PARTNER = ":partner";

    final String envId;
    final String subject;

    private CursorOwner(String envId, String subject) {
        this.envId = Objects.requireNonNull(envId, "envId");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** A user's cursors: valid for that user of that environment only, whichever session asks. */
    public static CursorOwner of(Principal user) {
        return new CursorOwner(user.envId(), user.userId());
    }

    /** A partner's cursors: valid for requests signed for that environment only. */
    public static CursorOwner partner(String envId) {
        return new CursorOwner(envId, PARTNER);
    }
}
