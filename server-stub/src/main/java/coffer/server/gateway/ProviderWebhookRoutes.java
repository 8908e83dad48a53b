package coffer.server.gateway;

import coffer.server.http.Access;
import coffer.server.http.NoRateLimit;
import coffer.core.error.CofferException;
import coffer.core.error.ErrorCode;
import coffer.core.signature.WebhookSigner;
import coffer.core.signature.WebhookVerifier;
import coffer.server.db.Database;
import coffer.server.http.ErrorHandling;
import coffer.server.http.HttpApi;
import coffer.server.json.Json;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /webhooks/provider}: events from the payment provider. The signature
 * ({@code Coffer-Signature} with the provider's webhook secret, 300 s tolerance) is checked against the
 * raw body before anything else; a forged or stale event is 401 INVALID_SIGNATURE and nothing happens.
 * An event id already applied answers 200 and does nothing. Otherwise every handler for its type
 * applies it, and only then is its id recorded and 200 answered; a handler that fails leaves the
 * event unacknowledged (500), so the provider sends it again.
 */
public final class ProviderWebhookRoutes implements HttpApi.Routes {
    public static final String PATH = "/webhooks/provider";

    /** The answer to an acknowledged event. */
    record Ack(boolean received, boolean duplicate) {
    }

    private final AppliedEvents events;
    private final WebhookVerifier verifier;
    private final Clock clock;

    public ProviderWebhookRoutes(Database database, String webhookSecret, ProviderEventHandlers handlers, Clock clock) {
        this.events = new AppliedEvents(database, handlers, clock);
        this.verifier = new WebhookVerifier(List.of(webhookSecret));
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::receive, Access.SIGNED, NoRateLimit.because("the provider's signed events: each moves money at "
                + "most once, the provider retries them, and refusing one would only delay money already paid"));
    }

    private void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        verifier.verify(ctx.header(WebhookSigner.HEADER), body, clock.instant()).orThrow();
        ProviderEvent event = parse(body);
        if (events.seen(event.id())) {
            ctx.json(new Ack(true, true));
            return;
        }
        if (!events.apply(event.id(), event)) {
            ErrorHandling.answer(ctx, ErrorCode.INTERNAL, "The event could not be applied yet; send it again later.");
            return;
        }
        ctx.json(new Ack(true, false));
    }

    private static boolean plain(JsonElement e) {
        return e.isJsonNull() || e.isJsonPrimitive();
    }

    /** {@code {id, type, created, data}}; anything else is INVALID_REQUEST (signed, so the provider's own mistake). */
    private static ProviderEvent parse(byte[] body) {
        JsonElement tree = Json.readRequest(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        try {
            JsonObject o = tree.getAsJsonObject();
            String id = o.get("id").getAsString();
            String type = o.get("type").getAsString();
            Instant created = Instant.parse(o.get("created").getAsString());
            JsonObject data = o.getAsJsonObject("data");
            if (id.isBlank() || id.length() > 200 || type.isBlank() || data == null) {
                throw new IllegalStateException("incomplete event");
            }
            // every field of the data is text, a number or null (and the card an object of those), so a handler
            // reading one never fails on its kind: such a failure would answer 500 and have a bad event sent forever
            for (Map.Entry<String, JsonElement> field : data.entrySet()) {
                if (!plain(field.getValue()) && !(field.getKey().equals("card") && field.getValue().isJsonObject()
                        && field.getValue().getAsJsonObject().entrySet().stream().allMatch(e -> plain(e.getValue())))) {
                    throw new IllegalStateException("data." + field.getKey() + " is not plain");
                }
            }
            return new ProviderEvent(id, type, created, data);
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException
                 | UnsupportedOperationException | DateTimeParseException e) {
            throw new CofferException(ErrorCode.INVALID_REQUEST, "The event is not {id, type, created, data}.",
                    Map.of("field", "body"));
        }
    }
}
