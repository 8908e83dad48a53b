package coffer.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The access log: one info line per request — method, route template (or, for no route, the path),
 * status and duration. It is built from those four facts only, so headers (Authorization), query
 * strings, bodies (passwords, card and document numbers) and path ids never reach the log. What a
 * client chose is bounded: a non-standard method is logged as {@code OTHER}, an unmatched path is cut
 * short and has every character outside printable ASCII (CR and LF included) replaced, so a request
 * can neither forge a line nor make one long.
 */
public final class RequestLog implements RequestObserver {
    private static final int MAX_PATH = 120;
    /** A long run of digits in an unmatched path could be a card number: it is masked. */
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{9,}");
    private static final Pattern UNPRINTABLE = Pattern.compile("[^\\x21-\\x7e]");

    private final Logger log;

    public RequestLog(Logger log) {
        this.log = log;
    }

    @Override
    public void observe(Context ctx, String route, Duration took) {
        if (log.isInfoEnabled()) {
            long micros = took.toNanos() / 1_000;
            log.info("{} {} {} {}.{}ms", RequestObserver.method(ctx), route != null ? route : unmatched(ctx.path()),
                    ctx.status().getCode(), micros / 1_000, (micros % 1_000) / 100);
        }
    }

    /** A path no route serves, made safe for one log line: printable, short, no long numbers. */
    static String unmatched(String path) {
        String safe = UNPRINTABLE.matcher(LONG_DIGITS.matcher(path).replaceAll("***")).replaceAll("?");
        return safe.length() > MAX_PATH ? safe.substring(0, MAX_PATH) + "..." : safe;
    }
}
