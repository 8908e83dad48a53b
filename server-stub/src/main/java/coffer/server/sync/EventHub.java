package coffer.server.sync;

import coffer.server.ledger.engine.LedgerCommit;
import coffer.core.api.SyncTypes.ChangedEvent;
import coffer.server.ledger.engine.LedgerCommit;
import coffer.server.ledger.Ids;
import coffer.server.ledger.LedgerService;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The connected event-stream clients, by user. After each ledger commit it tells the clients of every
 * user the commit touched that something changed ({@code changed} with the commit number), and it sends
 * every client a keep-alive comment now and then, so idle connections stay open and dead ones are found.
 * A stream lives only as long as the sign-in session that opened it: when this process ends the session
 * (sign-out) its streams end at once, and at every keep-alive each session is asked again, so a
 * session ended by another process (or expired) ends its streams within one keep-alive period.
 *
 * <p>All writes to clients happen on the hub's one thread: a client's stream is never written by two
 * threads at once, and a slow client delays only other clients' notices, never the ledger.
 */
final class EventHub implements Consumer<LedgerCommit>, AutoCloseable {
    static final String READY = "ready";
    static final String CHANGED = "changed";
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    /** One open stream: the client and the session that opened it. */
    private record Stream(SseClient client, String sessionId) {
    }

    private final LedgerService ledger;
    private final Predicate<String> sessionActive;
    private final Map<String, Set<Stream>> byUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender;
    private final AutoCloseable subscription;

    /** @param sessionActive whether a session is still signed in (asked at every keep-alive) */
    EventHub(LedgerService ledger, Predicate<String> sessionActive, Duration keepAlive) {
        this.ledger = ledger;
        this.sessionActive = sessionActive;
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
    void connect(String userId, String sessionId, SseClient client) {
        client.keepAlive();
        Set<Stream> streams = byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        Stream stream = new Stream(client, sessionId);
        streams.add(stream);
        client.onClose(() -> streams.remove(stream));
        sender.execute(() -> send(client, READY, new ChangedEvent(ledger.lastCommit())));
    }

    /** Ends every stream the session opened (called when this process ends the session). */
    void sessionEnded(String sessionId) {
        sender.execute(() -> streams().filter(s -> s.sessionId().equals(sessionId)).forEach(s -> s.client().close()));
    }

    /** Called by the ledger's commit thread: hands the notices to the hub's thread and returns. */
    @Override
    public void accept(LedgerCommit commit) {
        sender.execute(() -> {
            ChangedEvent event = new ChangedEvent(commit.seq());
            Set<String> told = new java.util.HashSet<>();
            for (String holderId : commit.userIds()) {
                // an organization's wallets changed: every member hears of it
                for (String userId : Ids.isOrganization(holderId) ? ledger.membersOf(holderId) : List.of(holderId)) {
                    if (told.add(userId)) {
                        byUser.getOrDefault(userId, Set.of()).forEach(s -> send(s.client(), CHANGED, event));
                    }
                }
            }
        });
    }

    private void keepAlive() {
        Map<String, Boolean> active = new java.util.HashMap<>();
        streams().forEach(s -> {
            try {
                if (!active.computeIfAbsent(s.sessionId(), sessionActive::test)) {
                    s.client().close();
                    return;
                }
                s.client().sendComment("keep-alive");
            } catch (RuntimeException e) {
                s.client().close();
            }
        });
    }

    private java.util.stream.Stream<Stream> streams() {
        return byUser.values().stream().flatMap(Set::stream);
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
        streams().forEach(s -> s.client().close());
        byUser.clear();
    }
}
