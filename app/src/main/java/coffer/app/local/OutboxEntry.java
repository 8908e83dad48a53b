package coffer.app.local;

import java.time.Instant;
import java.util.Objects;

/**
 * One operation the user confirmed, as the outbox keeps it.
 *
 * @param clientId       the UUID generated when the user confirmed
 * @param idempotencyKey sent with every attempt, so the server moves money once
 * @param position       the send order
 * @param body           the request body as JSON, exactly what is sent
 * @param summary        what the user confirmed, in words ("25.00 USD to bob@example.com")
 * @param serverId       the payment or transfer id once sent, else null
 * @param serverStatus   the server's status in its answer once sent, else null
 * @param errorCode      the ErrorCode name of the server's refusal when failed, else null
 * @param errorMessage   the server's words for the refusal when failed, else null
 */
public record OutboxEntry(String clientId, String idempotencyKey, long position, Kind kind, String body,
                          String summary, State state, String serverId, String serverStatus, String errorCode,
                          String errorMessage, int attempts, Instant createdAt, Instant updatedAt) {
    /** What the entry asks the server to do. */
    public enum Kind {
        PAYMENT, TRANSFER;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** queued → sending → sent | failed; a sending entry found at start was interrupted and is sent again. */
    public enum State {
        QUEUED, SENDING, SENT, FAILED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public OutboxEntry {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(state, "state");
    }

    /** Not yet answered by the server: it will be (re)sent. */
    public boolean open() {
        return state == State.QUEUED || state == State.SENDING;
    }
}
