package coffer.server.http;

import io.javalin.security.RouteRole;

import java.util.Objects;

/**
 * A route that changes something and is deliberately not rate limited, with the reason next to its
 * registration: {@code routes.post(path, handler, NoRateLimit.because("opens an empty wallet"))}.
 *
 * @param why what makes a limit unnecessary here (nothing moves, nothing external is called, or the
 *            caller is a system with limits of its own)
 */
public record NoRateLimit(String why) implements RouteRole {
    public NoRateLimit {
        if (Objects.requireNonNull(why, "why").isBlank()) {
            throw new IllegalArgumentException("an exemption from rate limits needs its reason");
        }
    }

    public static NoRateLimit because(String why) {
        return new NoRateLimit(why);
    }
}
