package coffer.app.local;

import coffer.app.api.ApiException;
import coffer.app.concurrent.BackgroundExecutor;
import coffer.core.api.PaymentTypes.PaymentRequest;
import coffer.core.api.PaymentTypes.PaymentView;
import coffer.core.api.TransferTypes.TransferRequest;
import coffer.core.api.TransferTypes.TransferView;
import coffer.core.error.ErrorCode;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's entries to the server strictly in order, one at a time, on the background
 * executor. No answer (network down, timeout, 5xx) leaves the entry queued and stops the round: it is
 * sent again, with the same idempotency key, after a backoff or as soon as {@link #sendNow()} is called
 * (the app calls it when the server is reachable again). A refusal (4xx) fails the entry with the
 * server's reason and the round goes on with the next one.
 */
public final class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** The server's answer to one entry. */
    public record Answer(String serverId, String status) {
    }

    /** How entries reach the server; the app wires it to the API client. */
    @FunctionalInterface
    public interface Transport {
        /** Sends the entry with its idempotency key; throws {@link ApiException} when it is not answered or refused. */
        Answer send(OutboxEntry entry);

        /** A transport over the API client's two money-moving calls. */
        static Transport of(BiFunction<String, PaymentRequest, PaymentView> pay,
                            BiFunction<String, TransferRequest, TransferView> transfer) {
            return entry -> switch (entry.kind()) {
                case PAYMENT -> {
                    PaymentView p = pay.apply(entry.idempotencyKey(), Outbox.payment(entry));
                    yield new Answer(p.paymentId(), p.status());
                }
                case TRANSFER -> {
                    TransferView t = transfer.apply(entry.idempotencyKey(), Outbox.transfer(entry));
                    yield new Answer(t.transferId(), t.status());
                }
            };
        }
    }

    /** Told on the UI thread of every entry that changed; held weakly, so a screen that is gone is forgotten. */
    public interface Listener {
        void outboxChanged(OutboxEntry entry);
    }

    private record Round(List<OutboxEntry> changed, ApiException interruption) {
    }

    private final Outbox outbox;
    private final Transport transport;
    private final BackgroundExecutor executor;
    private final List<WeakReference<Listener>> listeners = new CopyOnWriteArrayList<>();
    private boolean running;
    private boolean stopped;
    private boolean again;
    private boolean retryScheduled;
    private Duration backoff = FIRST_BACKOFF;

    public OutboxSender(Outbox outbox, Transport transport, BackgroundExecutor executor) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public Outbox outbox() {
        return outbox;
    }

    public void addListener(Listener listener) {
        listeners.add(new WeakReference<>(Objects.requireNonNull(listener, "listener")));
    }

    /**
     * Writes an entry in the background ({@code enqueue}, e.g. {@link Outbox#enqueuePayment}), then, on the
     * UI thread, tells {@code queued} and starts sending; {@code failed} hears when it could not be written.
     */
    public void queue(Callable<OutboxEntry> enqueue, Consumer<OutboxEntry> queued, Consumer<Throwable> failed) {
        executor.submit(enqueue, entry -> {
            queued.accept(entry);
            sendNow();
        }, failed);
    }

    /** Sends what is queued, now; while a round runs, another follows it. Call from the UI thread. */
    public void sendNow() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (running) {
                again = true;
                return;
            }
            running = true;
            again = false;
        }
        executor.submit(this::round, this::roundDone, failure -> {
            log.error("The outbox could not be sent", failure);
            finishRound(true);
        });
    }

    /** No more rounds or retries (the user signed out; their database closes). A round under way finishes. */
    public synchronized void stop() {
        stopped = true;
    }

    private Round round() {
        List<OutboxEntry> changed = new ArrayList<>();
        while (true) {
            OutboxEntry next = outbox.next().orElse(null);
            if (next == null) {
                return new Round(changed, null);
            }
            OutboxEntry sending = outbox.sending(next.clientId());
            try {
                Answer answer = transport.send(sending);
                changed.add(outbox.sent(sending.clientId(), answer.serverId(), answer.status()));
            } catch (ApiException e) {
                if (refusal(e)) {
                    changed.add(outbox.failed(sending.clientId(), e.code().name(), e.getMessage()));
                } else {
                    changed.add(outbox.requeue(sending.clientId()));
                    return new Round(changed, e);
                }
            } catch (RuntimeException e) {
                // a bug or a local failure: keep the entry for the next round rather than lose it
                changed.add(outbox.requeue(sending.clientId()));
                throw e;
            }
        }
    }

    /** A final answer: the server looked at the request and said no; sending it again would not help. */
    private static boolean refusal(ApiException e) {
        return e.kind() == ApiException.Kind.REFUSED && e.code() != ErrorCode.RATE_LIMITED
                && e.code() != ErrorCode.IDEMPOTENCY_IN_PROGRESS;
    }

    private void roundDone(Round round) {
        for (OutboxEntry entry : round.changed()) {
            notifyListeners(entry);
        }
        boolean interrupted = round.interruption() != null;
        if (!interrupted) {
            backoff = FIRST_BACKOFF;
        }
        finishRound(interrupted);
    }

    private void finishRound(boolean interrupted) {
        boolean rerun;
        synchronized (this) {
            running = false;
            rerun = again;
        }
        if (rerun) {
            sendNow();
        } else if (interrupted) {
            scheduleRetry();
        }
    }

    private void scheduleRetry() {
        synchronized (this) {
            if (retryScheduled || stopped) {
                return;
            }
            retryScheduled = true;
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        executor.schedule(wait, () -> {
            synchronized (this) {
                retryScheduled = false;
            }
            sendNow();
        });
    }

    private void notifyListeners(OutboxEntry entry) {
        for (WeakReference<Listener> ref : listeners) {
            Listener listener = ref.get();
            if (listener == null) {
                listeners.remove(ref);
            } else {
                listener.outboxChanged(entry);
            }
        }
    }
}
