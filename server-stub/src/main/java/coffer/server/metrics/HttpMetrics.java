package coffer.server.metrics;

import coffer.server.http.RequestObserver;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code http_server_requests_seconds}: count, total time and latency buckets of every request, tagged
 * with method, route template (never a raw path, so ids do not multiply the series), status and
 * outcome. Every tag takes a bounded set of values whatever a client sends: a non-standard method is
 * {@code OTHER}, requests no route serves share {@code uri="NOT_FOUND"} (a 404) or {@code uri="UNKNOWN"},
 * and a status outside 100..599 is {@code OTHER}.
 */
public final class HttpMetrics implements RequestObserver {
    static final String NAME = "http.server.requests";
    private static final String OTHER = "OTHER";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500)};

    private final MeterRegistry registry;
    /**
     * Each series' timer, found again without building its id: as bounded as the tags (a route template,
     * a method of a fixed set, a status of 100..599 or {@code OTHER}).
     */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Series(String method, String uri, String status, String outcome) {
    }

    @Override
    public void observe(Context ctx, String route, Duration took) {
        int status = ctx.status().getCode();
        String uri = route != null ? route : status == 404 ? "NOT_FOUND" : "UNKNOWN";
        Series series = new Series(RequestObserver.method(ctx), uri,
                status >= 100 && status <= 599 ? Integer.toString(status) : OTHER, outcome(status));
        timers.computeIfAbsent(series, this::timer).record(took);
    }

    private Timer timer(Series s) {
        return Timer.builder(NAME)
                .description("HTTP requests served, by route template")
                .tag("method", s.method())
                .tag("uri", s.uri())
                .tag("status", s.status())
                .tag("outcome", s.outcome())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
    }
}
