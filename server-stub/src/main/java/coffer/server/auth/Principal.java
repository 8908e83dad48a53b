package coffer.server.auth;

import java.util.Objects;

/**
 * Who is calling the user API: a user of one environment, signed in through one session.
 *
 * @param envId     the environment the user belongs to; every lookup is confined to it
 * @param userId    the user's id
 * @param sessionId the sign-in session the access token belongs to
 */
public record Principal(String envId, String userId, String sessionId) {
    public Principal {
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The scope the caller's idempotency keys live in. */
    public String idempotencyScope() {
        return "env:" + envId + "/user:" + userId;
    }
}
