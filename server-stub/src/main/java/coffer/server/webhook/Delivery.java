package coffer.server.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to its environment's webhook URL, with every attempt made so far (oldest first).
 *
 * @param status        {@code pending}, {@code delivered} or {@code failed}
 * @param nextAttemptAt when the next attempt is due, while pending
 */
public record Delivery(String id, String eventId, String envId, String eventType, String transactionId, String payload,
                       String status, int attemptCount, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt,
                       List<Attempt> attempts) {

    /**
     * @param httpStatus the receiver's answer, or null when none came
     * @param error      why the attempt did not count as delivered, or null
     */
    public record Attempt(int attempt, Instant at, String url, Integer httpStatus, String error, long durationMs) {
    }
}
