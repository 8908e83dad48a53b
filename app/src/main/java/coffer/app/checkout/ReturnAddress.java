package coffer.app.checkout;

import java.net.URI;
import java.time.Duration;

/** Where a provider's page sends the browser when done, and how long to ask the server afterwards. */
public final class ReturnAddress {
    /** How long to wait for the provider's outcome after its page returned, before saying so. */
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private ReturnAddress() {
    }

    /** Whether {@code location}'s path ends with {@code path}: the page returned, whatever else it says. */
    public static boolean reached(String location, String path) {
        if (location == null || location.isBlank()) {
            return false;
        }
        try {
            String at = URI.create(location).getPath();
            return at != null && at.endsWith(path);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** How many times to ask the server, {@code interval} apart, before saying it is still under way. */
    public static long attempts(Duration interval) {
        return Math.max(1, Math.min(600, DEADLINE.toMillis() / Math.max(1, interval.toMillis())));
    }
}
