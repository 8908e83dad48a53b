package coffer.app.send;

import coffer.app.concurrent.ScreenState;
import coffer.app.format.Problems;
import coffer.app.local.Outbox;
import coffer.app.local.OutboxEntry;
import coffer.app.local.OutboxSender;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The operation a form confirmed (a payment, a transfer), put in the outbox and followed there until the server
 * answered it: on disk before anything is sent, under a new client id whose key every attempt carries, so money
 * moves once. A refusal shows as the form's error.
 */
final class OutboxWatch {
    /** Writes the operation into the outbox under {@code clientId}. */
    @FunctionalInterface
    interface Enqueue {
        OutboxEntry into(Outbox outbox, UUID clientId);
    }

    private final ScreenState state;
    private final OutboxSender outbox;
    /** The confirmed operation waiting for the outbox to send it; null when none. */
    private String waitingFor;

    OutboxWatch(ScreenState state, OutboxSender outbox) {
        this.state = Objects.requireNonNull(state, "state");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Puts the operation in the outbox and asks the outbox to send it; {@code queued} runs once it is on disk. */
    void queue(Enqueue enqueue, Consumer<OutboxEntry> queued) {
        state.working();
        state.clearError();
        UUID clientId = UUID.randomUUID();
        waitingFor = clientId.toString();
        outbox.queue(() -> enqueue.into(outbox.outbox(), clientId), queued, failure -> {
            waitingFor = null;
            state.fail(failure);
        });
    }

    /**
     * The outbox moved {@code entry} on. When it is the operation confirmed here: once the server made it,
     * {@code sent} gets it; a refusal shows as the error; while it waits for Coffer, busy ends and {@code waiting}
     * gets it. Other entries are left alone.
     */
    void changed(OutboxEntry entry, Consumer<OutboxEntry> sent, Consumer<OutboxEntry> waiting) {
        if (!entry.clientId().equals(waitingFor)) {
            return;
        }
        switch (entry.state()) {
            case SENT -> {
                waitingFor = null;
                sent.accept(entry);
            }
            case FAILED -> {
                waitingFor = null;
                state.fail(Problems.refusal(entry.errorCode(), entry.errorMessage()));
            }
            default -> {
                state.done();
                waiting.accept(entry);
            }
        }
    }
}
