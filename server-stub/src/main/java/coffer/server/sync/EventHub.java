package coffer.server.sync;

import coffer.core.api.SyncTypes.ChangedEvent;
import coffer.server.ledger.LedgerCommit;
import coffer.server.ledger.LedgerService;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The connected event-stream clients, by user. After each ledger commit it tells the clients of every
 * user the commit touched that something changed ({@code changed} with the commit number), and it sends
 * every client a keep-alive comment now and then, so idle connections stay open and dead ones are found.
 *
 * <p>All writes to clients happen on the hub's one thread: a client's stream is never written by two
 * threads at once, and a slow client delays only other clients' notices, never the ledger.
 */
final class EventHub implements Consumer<LedgerCommit>, AutoCloseable {
    static final String READY = "ready";
    static final String CHANGED = "changed";
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final LedgerService ledger;
    private final Map<String, Set<SseClient>> byUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender;
    private final AutoCloseable subscription;

    EventHub(LedgerService ledger, Duration keepAlive) {
        this.ledger = ledger;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coffer-events");
            t.setDaemon(true);
            return t;
        });
        long every = keepAlive.toMillis();
        sender.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
        this.subscription = ledger.onCommit(this);
    }

    /** Holds the client's stream open, and first tells it the latest commit number ({@code ready}). */
    void connect(String userId, SseClient client) {
        client.keepAlive();
        Set<SseClient> clients = byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        sender.execute(() -> send(client, READY, new ChangedEvent(ledger.lastCommit())));
    }

    /** Called by the ledger's commit thread: hands the notices to the hub's thread and returns. */
    @Override
    public void accept(LedgerCommit commit) {
        sender.execute(() -> {
            ChangedEvent event = new ChangedEvent(commit.seq());
            for (String userId : commit.userIds()) {
                byUser.getOrDefault(userId, Set.of()).forEach(client -> send(client, CHANGED, event));
            }
        });
    }

    private void keepAlive() {
        byUser.values().forEach(clients -> clients.forEach(client -> {
            try {
                client.sendComment("keep-alive");
            } catch (RuntimeException e) {
                client.close();
            }
        }));
    }

    private static void send(SseClient client, String event, ChangedEvent data) {
        try {
            client.sendEvent(event, data);
        } catch (RuntimeException e) {
            log.debug("Event stream client went away", e);
            client.close();
        }
    }

    /** Stops listening to the ledger and ends every open stream. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("Could not stop listening to ledger commits", e);
        }
        sender.shutdownNow();
        byUser.values().forEach(clients -> clients.forEach(SseClient::close));
        byUser.clear();
    }
}
