package coffer.server.webhook;

import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON body of one webhook: {@code {"id": "evt_...", "type": "p2p.completed", "created": "...",
 * "env_id": "...", "data": {...}}}. The same event (same id and body) is sent on every attempt and replay.
 *
 * @param type the movement's kind and the status it reached, such as {@code topup.completed}
 * @param test true on a test event ({@code trigger}), which no movement made; absent on every real one
 */
public record WebhookEvent(String id, String type, String created, String envId, Boolean test, MovementData data) {
    /** Kinds whose pending state is news for a partner: money is set aside while a payout is under way. */
    private static final Set<TransactionKind> PENDING_EVENTS = EnumSet.of(TransactionKind.WITHDRAWAL, TransactionKind.SETTLEMENT);
    /** The statuses a partner hears of. */
    private static final Set<TransactionStatus> EVENT_STATUSES = EnumSet.of(TransactionStatus.PENDING, TransactionStatus.COMPLETED,
            TransactionStatus.FAILED, TransactionStatus.REVERSED);
    /** Kinds no movement of the server's ledger has: a hold is recorded under its payment's own kind. */
    private static final Set<TransactionKind> NOT_MOVEMENTS = EnumSet.of(TransactionKind.HOLD, TransactionKind.CAPTURE,
            TransactionKind.VOID);

    /** A real event: a movement of {@code data.kind} reached {@code data.status}. */
    static WebhookEvent of(String id, String created, String envId, MovementData data) {
        return new WebhookEvent(id, data.kind() + "." + data.status(), created, envId, null, data);
    }

    /** Whether a movement of {@code kind} that reaches {@code status} is news for the partner. */
    static boolean announced(TransactionKind kind, TransactionStatus status) {
        return EVENT_STATUSES.contains(status) && (status != TransactionStatus.PENDING || PENDING_EVENTS.contains(kind));
    }

    /** Every event type a partner may receive ({@code <kind>.<status>}), kind by kind. */
    public static List<String> types() {
        List<String> types = new ArrayList<>();
        for (TransactionKind kind : TransactionKind.values()) {
            for (TransactionStatus status : TransactionStatus.values()) {
                if (!NOT_MOVEMENTS.contains(kind) && announced(kind, status)) {
                    types.add(kind.wire() + "." + status.wire());
                }
            }
        }
        return List.copyOf(types);
    }
}
