package coffer.server.webhook;

/**
 * The JSON body of one webhook: {@code {"id": "evt_...", "type": "p2p.completed", "created": "...",
 * "env_id": "...", "data": {...}}}. The same event (same id and body) is sent on every attempt and replay.
 *
 * @param type the movement's kind and the status it reached, such as {@code topup.completed}
 */
public record WebhookEvent(String id, String type, String created, String envId, MovementData data) {
}
