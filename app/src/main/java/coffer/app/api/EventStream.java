package coffer.app.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's event stream ({@code GET /api/v1/events}), parsed by OkHttp's server-sent events reader
 * (okhttp-sse: comments, ids, data over several lines). Each event's name ({@code ready}, {@code changed})
 * and data go to the listener, on OkHttp's reading thread; a daemon thread of this class reconnects. A dropped connection is
 * opened again after a growing pause (half a second doubling up to 30 s); a refused session ends it.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final OkHttpClient http;
    private final Request request;
    private final BiConsumer<String, String> onEvent;
    private final Thread reader;
    private volatile boolean closed;
    private volatile EventSource source;

    /** {@code onEvent} gets each event's name and its data (several {@code data:} lines joined by newlines). */
    EventStream(OkHttpClient http, String url, BiConsumer<String, String> onEvent) {
        // the server sends a keep-alive every 15 s, so a minute of silence means the connection is gone
        this.http = http.newBuilder().readTimeout(Duration.ofSeconds(60)).build();
        this.request = new Request.Builder().url(url).header("Accept", "text/event-stream").build();
        this.onEvent = Objects.requireNonNull(onEvent, "onEvent");
        this.reader = new Thread(this::run, "coffer-app-events");
        reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    private void run() {
        EventSource.Factory sources = EventSources.createFactory(http);
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            Connection connection = new Connection();
            EventSource opening = sources.newEventSource(request, connection);
            source = opening;
            if (closed) {
                // closed while this connection was being opened: close() may not have seen it
                opening.cancel();
                return;
            }
            try {
                connection.ended.await();
            } catch (InterruptedException e) {
                return;
            }
            if (connection.refused) {
                log.info("Event stream refused: the session ended");
                return;
            }
            if (connection.opened) {
                pause = FIRST_PAUSE;
            }
            if (!closed) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** One connection's events, parsed by OkHttp; {@code ended} once it closes or fails. */
    private final class Connection extends EventSourceListener {
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean opened;
        volatile boolean refused;

        @Override
        public void onOpen(EventSource source, Response response) {
            opened = true;
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (!closed) {
                // an event without an "event:" field is a "message", as the specification says
                onEvent.accept(type == null ? "message" : type, data);
            }
        }

        @Override
        public void onClosed(EventSource source) {
            ended.countDown();
        }

        @Override
        public void onFailure(EventSource source, Throwable failure, Response response) {
            refused = response != null && response.code() == 401;
            if (!closed && !refused) {
                log.debug("Event stream dropped: {}", failure != null ? failure.toString()
                        : response != null ? "HTTP " + response.code() : "no answer");
            }
            ended.countDown();
        }
    }

    /** Stops reading; no event is delivered after this returns, except one already being handled. */
    @Override
    public void close() {
        closed = true;
        EventSource current = source;
        if (current != null) {
            current.cancel();
        }
        reader.interrupt();
    }
}
