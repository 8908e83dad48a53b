package coffer.server.sync;

import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.server.auth.Principal;
import coffer.server.auth.TokenService;
import coffer.server.http.HttpApi;
import coffer.server.http.Requests;
import coffer.server.ledger.LedgerService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;

import java.time.Duration;

/**
 * {@code GET /api/v1/events}: a server-sent event stream telling the signed-in client when to sync.
 * First {@code ready} with the latest commit number, then {@code changed} with the commit number after
 * each commit that touched the caller's wallets (several quick commits may arrive as one), and a
 * {@code :keep-alive} comment every {@link #KEEP_ALIVE}. The stream ends when the session that opened it
 * ends (sign-out, a revoked or expired session). The events carry no ledger data: the client
 * calls {@code GET /api/v1/sync} with its cursor. The request must accept {@code text/event-stream}.
 */
public final class EventRoutes implements HttpApi.Routes, AutoCloseable {
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final EventHub hub;
    private final SseHandler stream;

    public EventRoutes(LedgerService ledger, TokenService tokens) {
        this(ledger, tokens, KEEP_ALIVE);
    }

    /** @param keepAlive how often a keep-alive is sent and each stream's session asked again */
    public EventRoutes(LedgerService ledger, TokenService tokens, Duration keepAlive) {
        this.hub = new EventHub(ledger, tokens::sessionActive, keepAlive);
        tokens.onSessionEnded(hub::sessionEnded);
        this.stream = new SseHandler(client -> {
            Principal p = Requests.principal(client.ctx());
            hub.connect(p.userId(), p.sessionId(), client);
        });
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/events", this::events);
    }

    private void events(Context ctx) throws Exception {
        Requests.principal(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "This is an event stream: ask with 'Accept: text/event-stream'.");
        }
        stream.handle(ctx);
    }

    /** Ends every open stream; call before stopping the HTTP server so it need not wait for them. */
    @Override
    public void close() {
        hub.close();
    }
}
