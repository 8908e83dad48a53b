package coffer.server.webhook;

import coffer.core.error.ErrorCode;
import coffer.core.error.Result;
import coffer.core.ledger.TransactionKind;
import coffer.core.ledger.TransactionStatus;
import coffer.server.json.Json;
import coffer.server.ledger.EnvId;
import coffer.server.ledger.Ids;
import coffer.server.tenant.Environment;
import coffer.server.tenant.Tenants;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test events on demand (the {@code trigger} command, as {@code stripe trigger}): one event of a type
 * partners receive, sent at once to an environment's webhook URL so a partner can try their receiver
 * without moving money. It is sent as every delivery is ({@link WebhookClient}: the same URL checks, the
 * same {@code Coffer-Signature} with each of the environment's active secrets, the same headers), and is
 * marked as a test: {@code "test": true}, ids beginning {@code evt_test_}, {@code txn_test_} and
 * {@code wal_test_}. Nothing is written anywhere: no movement, no delivery in the log, no retry.
 */
public final class TestWebhooks {
    /** The amount every test event names; nothing moves. */
    private static final String AMOUNT = "1.00";

    private TestWebhooks() {
    }

    /**
     * What sending a test event came to.
     *
     * @param status the receiver's HTTP status, or null when none came
     * @param error  why the event does not count as received, or null when the receiver acknowledged it (2xx)
     */
    public record Sent(String eventId, String type, String url, Integer status, String error) {
        public boolean acknowledged() {
            return error == null;
        }
    }

    /**
     * Sends one test event of {@code type} (one of {@link WebhookEvent#types()}) to {@code env}'s webhook URL,
     * under {@code settings} (how long to wait; whether a loopback or private address may receive it). Refused
     * (nothing sent) when the type or the environment is unknown, the environment has no webhook URL or no
     * active secret, or its URL may not receive webhooks.
     */
    public static Result<Sent> send(Tenants tenants, EnvId env, String type, WebhookSettings settings, Clock clock) {
        if (!WebhookEvent.types().contains(type)) {
            return Result.rejected(ErrorCode.INVALID_REQUEST, "Unknown event type '" + type + "'", Map.of("type", type));
        }
        Optional<Environment> found = tenants.environment(env);
        if (found.isEmpty()) {
            return Result.rejected(ErrorCode.NOT_FOUND, "Environment " + env.value() + " was not found", Map.of("env_id", env.value()));
        }
        String url = found.get().webhookUrl();
        if (url == null) {
            return Result.rejected(ErrorCode.INVALID_REQUEST, "Environment " + env.value() + " has no webhook URL: the partner sets one"
                    + " with a signed PUT /api/v1/partner/webhook {\"env_id\", \"url\"}", Map.of("env_id", env.value()));
        }
        List<String> secrets = tenants.secrets(env);
        if (secrets.isEmpty()) {
            return Result.rejected(ErrorCode.INVALID_REQUEST, "Environment " + env.value() + " has no active secret to sign with",
                    Map.of("env_id", env.value()));
        }
        Instant now = clock.instant();
        WebhookEvent event = event(env.value(), type, now);
        WebhookClient client = new WebhookClient(new WebhookTargets(settings.allowPrivateTargets(), settings.dns()),
                settings.requestTimeout());
        WebhookClient.Outcome outcome;
        try {
            outcome = client.send(url, secrets, event.id(), Json.gson().toJson(event).getBytes(StandardCharsets.UTF_8),
                    now);
        } finally {
            client.close();
        }
        if (outcome.refused()) {
            // the check names the opt-in when a non-public address is the reason: say that this command takes it too
            String also = outcome.error().contains(WebhookTargets.FLAG) ? " The trigger command takes " + WebhookTargets.FLAG
                    + " as well, for a receiver on this machine or network." : "";
            return Result.rejected(ErrorCode.INVALID_REQUEST, outcome.error() + also, Map.of("env_id", env.value()));
        }
        return Result.ok(new Sent(event.id(), type, url, outcome.status(), outcome.error()));
    }

    /** A test event of {@code type} for the environment {@code envId}: a movement of that kind and status, made up. */
    static WebhookEvent event(String envId, String type, Instant now) {
        String[] parts = type.split("\\.", 2);
        TransactionKind kind = TransactionKind.fromWire(parts[0]);
        TransactionStatus status = TransactionStatus.fromWire(parts[1]);
        boolean undoes = kind == TransactionKind.REFUND || kind == TransactionKind.REVERSAL;
        boolean done = status == TransactionStatus.COMPLETED || status == TransactionStatus.REVERSED;
        MovementData data = new MovementData(Ids.next("txn_test"), kind.wire(), status.wire(), AMOUNT, "USD", Ids.next("wal_test"),
                Ids.next("wal_test"), undoes ? Ids.next("txn_test") : null, "0.00", null,
                "Test event from coffer-server trigger: no money moved", status == TransactionStatus.FAILED ? "test_failure" : null,
                now.toString(), done ? now.toString() : null);
        return new WebhookEvent(Ids.next("evt_test"), type, now.toString(), envId, true, data);
    }
}
