package coffer.server.provider;

import coffer.core.money.Money;
import coffer.server.db.Jdbc;
import coffer.server.json.Json;
import com.google.gson.JsonObject;

import java.sql.SQLException;
import java.time.Clock;

/**
 * The webhooks the simulator owes Coffer, written in the same transaction as the change they report,
 * so an outcome is never lost between the change and its event; {@link WebhookSender} delivers them.
 */
final class WebhookOutbox {
    private final Clock clock;
    private final Runnable wake;

    /** @param wake asks the sender to deliver soon (after the enqueuing transaction commits) */
    WebhookOutbox(Clock clock, Runnable wake) {
        this.clock = clock;
        this.wake = wake;
    }

    /** Adds an event {@code {id, type, created, data}}; the caller commits it with its change. */
    void enqueue(Jdbc.Tx tx, String type, JsonObject data) throws SQLException {
        String id = ProviderIds.next("evt");
        long now = clock.millis();
        JsonObject event = new JsonObject();
        event.addProperty("id", id);
        event.addProperty("type", type);
        event.addProperty("created", clock.instant().toString());
        event.add("data", data);
        tx.update("INSERT INTO provider_webhook_outbox (id, type, body, attempts, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, 0, ?, ?)", id, type, Json.gson().toJson(event), now, now);
    }

    /** Tells the sender there is something to deliver; call after the commit. */
    void wake() {
        wake.run();
    }

    /** An event's data with the fields every money event carries. */
    static JsonObject data(String reference, Money amount) {
        JsonObject data = new JsonObject();
        data.addProperty("reference", reference);
        data.addProperty("amount", amount.toDecimalString());
        data.addProperty("currency", amount.currencyCode());
        return data;
    }
}
