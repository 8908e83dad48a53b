package coffer.app.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's event stream ({@code GET /api/v1/events}) read on its own daemon thread. Each event's
 * name ({@code ready}, {@code changed}) goes to the listener, on that thread. A dropped connection is
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
    private volatile Call call;

    /** {@code onEvent} gets each event's name and its data (the last {@code data:} line). */
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
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            Call current = http.newCall(request);
            call = current;
            try (Response response = current.execute()) {
                if (response.code() == 401) {
                    log.info("Event stream refused: the session ended");
                    return;
                }
                if (response.isSuccessful() && response.body() != null) {
                    pause = FIRST_PAUSE;
                    read(response.body());
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.debug("Event stream dropped: {}", e.toString());
                }
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

    private void read(ResponseBody body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body.byteStream(), StandardCharsets.UTF_8));
        String event = "message";
        boolean hasData = false;
        String data = "";
        for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
            if (line.isEmpty()) {
                // a blank line ends an event; one without data (a keep-alive comment) is not an event
                if (hasData) {
                    onEvent.accept(event, data);
                }
                event = "message";
                hasData = false;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                hasData = true;
                data = line.substring(5).strip();
            }
        }
    }

    /** Stops reading; no event is delivered after this returns, except one already being handled. */
    @Override
    public void close() {
        closed = true;
        Call current = call;
        if (current != null) {
            current.cancel();
        }
        reader.interrupt();
    }
}
